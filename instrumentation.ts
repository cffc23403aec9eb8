// Runs once as a server starts, before it answers a request: a server started without
// `npm start` (`next start` run directly) checks the environment too, and stops on a bad value
// instead of failing every request for a reason nobody can see. Then the hourly sweep of images
// no answer refers to any more starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("@/lib/start-check");
  await import("@/lib/readings/image-sweep");
}

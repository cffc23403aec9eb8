// The app's public origin, for links people copy (invites, published minutes): AUTH_URL, which
// production requires; in development the request's host, since there is nothing else to go by.
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export async function publicOrigin(): Promise<string> {
  const configured = env().publicUrl;
  if (configured) return configured;
  const h = await headers();
  const host = h.get("host") ?? "localhost:3000";
  return `http://${host}`;
}

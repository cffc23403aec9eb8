import { serverNow } from "@/lib/clock";

export const dynamic = "force-dynamic";

/** The server's clock, for browsers to measure their offset from it. Public: it reveals nothing. */
export async function GET() {
  return Response.json({ now: await serverNow() }, { headers: { "Cache-Control": "no-store" } });
}

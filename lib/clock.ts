// The server's "now". Every countdown decision uses this, never a time sent by a browser.
// End-to-end tests run the server with E2E_TEST_CLOCK=1 and move a context's clock with a cookie,
// so they can go through a 50-minute reading in seconds; without that variable the cookie is ignored.
import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { TEST_CLOCK_COOKIE } from "./clock-cookie";

export async function serverNow(): Promise<number> {
  const now = Date.now();
  if (!env().testClock) return now;
  const raw = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
  const offset = raw ? Number.parseInt(raw, 10) : 0;
  return Number.isFinite(offset) ? now + offset : now;
}

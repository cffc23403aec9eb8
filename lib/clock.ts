// The server's "now". Every countdown decision uses this, never a time sent by a browser.
// End-to-end tests run the server with E2E_TEST_CLOCK=1 and move a context's clock with a cookie,
// so they can go through a 50-minute reading in seconds; without that variable the cookie is ignored.
import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { TEST_CLOCK_COOKIE } from "./clock-cookie";

/** The most a test may move the clock: a week either way. */
export const MAX_TEST_OFFSET_MS = 7 * 24 * 60 * 60 * 1000;

/** A test clock cookie's offset, bounded; 0 for anything that is not a plain integer. */
export function testClockOffset(raw: string | undefined): number {
  if (!raw || !/^-?\d{1,15}$/.test(raw)) return 0;
  return Math.max(-MAX_TEST_OFFSET_MS, Math.min(MAX_TEST_OFFSET_MS, Number(raw)));
}

export async function serverNow(): Promise<number> {
  const now = Date.now();
  if (!env().testClock) return now;
  return now + testClockOffset((await cookies()).get(TEST_CLOCK_COOKIE)?.value);
}

import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Whether a request carries this run's BENCH_TOKEN. The benchmark's baselines exist only while the
 * server runs with one (`npm run bench` sets it); everywhere else they answer 404.
 */
export function benchAuthorised(given: string | null): boolean {
  const expected = env().benchToken;
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

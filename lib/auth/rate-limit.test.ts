import { describe, expect, it } from "vitest";
import { memoryLimiter } from "./rate-limit";

describe("memoryLimiter", () => {
  it("lets a burst through, then the sustained rate, per key", () => {
    const allow = memoryLimiter({ burst: 3, perSecond: 2 });
    const t = 1_000_000;
    expect([allow("a", t), allow("a", t), allow("a", t), allow("a", t)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    // Another key has its own bucket.
    expect(allow("b", t)).toBe(true);
    // Half a second refills one request (2 per second), not two.
    expect([allow("a", t + 500), allow("a", t + 500)]).toEqual([true, false]);
    // A long pause refills up to the burst, never beyond it.
    const later = t + 60_000;
    expect([1, 2, 3, 4].map(() => allow("a", later))).toEqual([true, true, true, false]);
  });

  it("does not refill when the clock goes backwards", () => {
    const allow = memoryLimiter({ burst: 1, perSecond: 1 });
    expect(allow("a", 5_000)).toBe(true);
    expect(allow("a", 1_000)).toBe(false);
  });
});

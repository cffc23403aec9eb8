import { describe, expect, it } from "vitest";
import { MAX_TEST_OFFSET_MS, testClockOffset } from "./clock";
import { parseEnv } from "./env";

describe("the test clock", () => {
  it("reads plain integer offsets, bounded to a week either way", () => {
    expect(testClockOffset("60000")).toBe(60_000);
    expect(testClockOffset("-3000000")).toBe(-3_000_000);
    expect(testClockOffset("999999999999999")).toBe(MAX_TEST_OFFSET_MS);
    expect(testClockOffset("-999999999999999")).toBe(-MAX_TEST_OFFSET_MS);
    for (const bad of [undefined, "", "1e12", "12abc", "NaN", "Infinity", " 5"])
      expect(testClockOffset(bad)).toBe(0);
  });

  it("refuses to run in production unless explicitly allowed", () => {
    const base = {
      AUTH_SECRET: "x".repeat(40),
      AUTH_URL: "https://y.example",
      NODE_ENV: "production",
      E2E_TEST_CLOCK: "1",
    };
    expect(() => parseEnv(base)).toThrow(/E2E_TEST_CLOCK_IN_PRODUCTION/);
    expect(parseEnv({ ...base, E2E_TEST_CLOCK_IN_PRODUCTION: "1" }).testClock).toBe(true);
    expect(parseEnv({ ...base, E2E_TEST_CLOCK: "0" }).testClock).toBe(false);
  });
});

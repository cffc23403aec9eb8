import { describe, expect, it } from "vitest";
import { rawBoolean, rawDate, rawInstant, rawNumber } from "./raw-values";

describe("raw SQL values", () => {
  it("reads a timestamp from a Date, SQLite's ISO text or a number, and none as 0", () => {
    const at = Date.UTC(2026, 11, 7, 1, 31, 31, 78);
    expect(rawInstant(new Date(at))).toBe(at);
    expect(rawInstant("2026-12-07T01:31:31.078+00:00")).toBe(at);
    expect(rawInstant(at)).toBe(at);
    expect(rawInstant(null)).toBe(0);
    expect(rawDate("2026-12-07T01:31:31.078Z")).toEqual(new Date(at));
    expect(() => rawInstant("yesterday")).toThrow("unreadable timestamp");
  });

  it("reads counts and flags from either driver", () => {
    expect(rawNumber(12n)).toBe(12);
    expect(rawNumber(12)).toBe(12);
    expect(rawNumber(null)).toBe(0);
    expect([true, 1, 1n, false, 0, 0n, null].map(rawBoolean)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

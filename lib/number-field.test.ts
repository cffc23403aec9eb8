import { describe, expect, it } from "vitest";
import { z } from "zod";
import { intField, minutesSecondsField, optionalIntField } from "./number-field";
import { formatMinutesSeconds, parseMinutesSeconds } from "./number-text";

const issue = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues[0]?.message ?? null;

describe("number fields", () => {
  it("reads full-width digits, spaces and a typographic minus", () => {
    expect(intField(1900, 2100).parse("２０２０")).toBe(2020);
    expect(intField(1900, 2100).parse(" 2020 ")).toBe(2020);
    expect(intField(-960, 960).parse("−540")).toBe(-540);
    expect(intField(-960, 960).parse("－５４０")).toBe(-540);
    expect(intField(1, 10).parse(7)).toBe(7);
  });

  it("says required for an empty field, and which bound was crossed", () => {
    expect(issue(intField(5, 180), "")).toBe("required");
    expect(issue(intField(5, 180), "   ")).toBe("required");
    expect(issue(intField(5, 180), "4")).toBe("numberTooSmall");
    expect(issue(intField(5, 180), "181")).toBe("numberTooLarge");
    for (const bad of ["abc", "1.5", "1e3", "NaN", "Infinity", "0x10", "12abc"])
      expect(issue(intField(0, 10_000), bad), bad).toBe("numberInvalid");
  });

  it("lets an optional number be empty", () => {
    expect(optionalIntField(1900, 2100).parse("")).toBeUndefined();
    expect(optionalIntField(1900, 2100).parse(undefined)).toBeUndefined();
    expect(optionalIntField(1900, 2100).parse("１９９９")).toBe(1999);
  });

  it("reads durations as minutes:seconds or plain seconds", () => {
    expect(parseMinutesSeconds("1:30")).toBe(90);
    expect(parseMinutesSeconds("１：３０")).toBe(90);
    expect(parseMinutesSeconds("0:45")).toBe(45);
    expect(parseMinutesSeconds("120")).toBe(120);
    expect(parseMinutesSeconds("1:75")).toBeNull();
    expect(parseMinutesSeconds("1:5")).toBeNull();
    expect(parseMinutesSeconds("abc")).toBeNull();
    expect(formatMinutesSeconds(90)).toBe("1:30");
    expect(formatMinutesSeconds(600)).toBe("10:00");
    const field = minutesSecondsField(10, 1800);
    expect(field.parse("2:00")).toBe(120);
    expect(issue(field, "")).toBe("required");
    expect(issue(field, "1:99")).toBe("durationFormat");
    expect(issue(field, "0:05")).toBe("numberTooSmall");
    expect(issue(field, "31:00")).toBe("numberTooLarge");
  });
});

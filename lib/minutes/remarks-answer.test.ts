import { describe, expect, it } from "vitest";
import { isRemarksAnswer } from "./remarks-answer";

describe("isRemarksAnswer", () => {
  it("accepts the endpoint's answer", () => {
    expect(isRemarksAnswer({ version: 3, text: "Thanks all.", merged: false })).toBe(true);
  });

  it("refuses anything else (an error body, a missing field, a fractional version)", () => {
    for (const v of [
      null,
      "ok",
      { error: { code: "CONFLICT" } },
      { version: 3, text: "x" },
      { version: 1.5, text: "x", merged: false },
      { version: 1, text: 2, merged: false },
    ])
      expect(isRemarksAnswer(v)).toBe(false);
  });
});

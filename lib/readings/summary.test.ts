import { describe, expect, it } from "vitest";
import { diffSummary, emptySummary, keepBoth, lateFields, type Summary } from "./summary";
import { parseSnapshot } from "./snapshot";

const server: Summary = { ...emptySummary, whatIsIt: "- a model", novelty: "- faster" };

describe("diffSummary", () => {
  it("lists only the answers that differ", () => {
    const mine = { ...server, validation: "- ImageNet" };
    expect(diffSummary(server, mine)).toEqual({ validation: { base: "", value: "- ImageNet" } });
    expect(diffSummary(server, server)).toEqual({});
  });
});

describe("helpers", () => {
  it("keeps both texts, skipping an empty side", () => {
    expect(keepBoth("mine", "theirs")).toBe("mine\n\n---\n\ntheirs");
    expect(keepBoth("", "theirs")).toBe("theirs");
    expect(keepBoth("mine", " ")).toBe("mine");
  });

  it("finds the answers changed after time-up", () => {
    const snap = parseSnapshot(JSON.stringify({ ...server }));
    expect(lateFields({ ...server, discussion: "late thought" }, snap)).toEqual(["discussion"]);
    expect(lateFields(server, null)).toEqual([]);
    expect(parseSnapshot("{not json")).toBeNull();
  });
});

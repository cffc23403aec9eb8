import { describe, expect, it } from "vitest";
import {
  diffSummary,
  emptySummary,
  keepBoth,
  lateFields,
  mergeChanges,
  parseSnapshot,
  saveRequestSchema,
  ANSWER_MAX,
  type Summary,
} from "./summary";

const server: Summary = { ...emptySummary, whatIsIt: "- a model", novelty: "- faster" };

describe("mergeChanges", () => {
  it("applies a change made from the server's current text", () => {
    expect(
      mergeChanges(server, { whatIsIt: { base: "- a model", value: "- a big model" } }),
    ).toEqual({
      apply: { whatIsIt: "- a big model" },
      conflicts: [],
    });
  });

  it("applies changes to other fields even when the version moved on (another tab edited elsewhere)", () => {
    const r = mergeChanges(server, { discussion: { base: "", value: "- is it fair?" } });
    expect(r).toEqual({ apply: { discussion: "- is it fair?" }, conflicts: [] });
  });

  it("reports a conflict with both texts when the same field changed on both sides", () => {
    const r = mergeChanges(server, {
      novelty: { base: "- fast", value: "- fast and small" },
      gist: { base: "", value: "One line" },
    });
    expect(r.apply).toEqual({ gist: "One line" });
    expect(r.conflicts).toEqual([
      { field: "novelty", mine: "- fast and small", theirs: "- faster" },
    ]);
  });

  it("treats an identical result as already saved", () => {
    expect(mergeChanges(server, { novelty: { base: "old", value: "- faster" } })).toEqual({
      apply: {},
      conflicts: [],
    });
  });

  it("round-trips with diffSummary", () => {
    const mine = { ...server, validation: "- ImageNet" };
    expect(mergeChanges(server, diffSummary(server, mine)).apply).toEqual({
      validation: "- ImageNet",
    });
    expect(diffSummary(server, server)).toEqual({});
  });
});

describe("save requests", () => {
  it("refuses unknown fields, wrong types, over-long text and empty saves", () => {
    expect(
      saveRequestSchema.safeParse({
        baseVersion: 1,
        changes: { whatIsIt: { base: "", value: "x" } },
      }).success,
    ).toBe(true);
    expect(
      saveRequestSchema.safeParse({ baseVersion: 1, changes: { hack: { base: "", value: "x" } } })
        .success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({ baseVersion: 1, changes: { whatIsIt: { base: "", value: 5 } } })
        .success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        baseVersion: "1",
        changes: { whatIsIt: { base: "", value: "x" } },
      }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({ changes: { whatIsIt: { base: "", value: "x" } } }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        baseVersion: 1,
        changes: { whatIsIt: { base: "", value: "x".repeat(ANSWER_MAX + 1) } },
      }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        baseVersion: 1,
        changes: { gist: { base: "", value: "x".repeat(301) } },
      }).success,
    ).toBe(false);
    expect(saveRequestSchema.safeParse({ baseVersion: 1, changes: {} }).success).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        baseVersion: 1,
        changes: { whatIsIt: { base: "", value: "x" } },
        extra: 1,
      }).success,
    ).toBe(false);
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

import { describe, expect, it } from "vitest";
import { mergeChanges, readSaveAnswer, saveRequestSchema } from "./autosave";
import { ANSWER_MAX, diffSummary, emptySummary, type Summary } from "./summary";

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
        saveId: "abcdefgh12",
        baseVersion: 1,
        changes: { whatIsIt: { base: "", value: "x" } },
      }).success,
    ).toBe(true);
    expect(
      saveRequestSchema.safeParse({
        saveId: "abcdefgh12",
        baseVersion: 1,
        changes: { hack: { base: "", value: "x" } },
      }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        saveId: "abcdefgh12",
        baseVersion: 1,
        changes: { whatIsIt: { base: "", value: 5 } },
      }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        saveId: "abcdefgh12",
        baseVersion: "1",
        changes: { whatIsIt: { base: "", value: "x" } },
      }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        saveId: "abcdefgh12",
        changes: { whatIsIt: { base: "", value: "x" } },
      }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        saveId: "abcdefgh12",
        baseVersion: 1,
        changes: { whatIsIt: { base: "", value: "x".repeat(ANSWER_MAX + 1) } },
      }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        saveId: "abcdefgh12",
        baseVersion: 1,
        changes: { gist: { base: "", value: "x".repeat(301) } },
      }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({ saveId: "abcdefgh12", baseVersion: 1, changes: {} }).success,
    ).toBe(false);
    expect(
      saveRequestSchema.safeParse({
        saveId: "abcdefgh12",
        baseVersion: 1,
        changes: { whatIsIt: { base: "", value: "x" } },
        extra: 1,
      }).success,
    ).toBe(false);
  });
});

describe("save ids", () => {
  it("requires a save id of a safe shape", () => {
    const ok = { baseVersion: 1, changes: { whatIsIt: { base: "", value: "x" } } };
    expect(saveRequestSchema.safeParse(ok).success).toBe(false);
    expect(saveRequestSchema.safeParse({ ...ok, saveId: "short" }).success).toBe(false);
    expect(
      saveRequestSchema.safeParse({ ...ok, saveId: "<script>alert(1)</script>" }).success,
    ).toBe(false);
    expect(saveRequestSchema.safeParse({ ...ok, saveId: "a1b2c3d4e5f6" }).success).toBe(true);
  });
});

describe("readSaveAnswer", () => {
  const result = { version: 2, summary: emptySummary, conflicts: [], savedAt: 5, snapshot: null };

  it("reads a result", () => {
    expect(readSaveAnswer(200, result)).toEqual({ kind: "result", result });
  });

  it("reads every error by its code, never as a result", () => {
    expect(readSaveAnswer(409, { error: { code: "MEETING_CLOSED", message: "closed" } })).toEqual({
      kind: "error",
      code: "MEETING_CLOSED",
      retry: false,
    });
    expect(readSaveAnswer(401, { error: { code: "UNAUTHENTICATED" } })).toMatchObject({
      code: "UNAUTHENTICATED",
      retry: false,
    });
    expect(readSaveAnswer(503, { error: { code: "BUSY" } })).toMatchObject({ retry: true });
    // A 409 that is not ours (or any unknown body) is not mistaken for a merge result.
    expect(readSaveAnswer(409, { conflicts: [] })).toMatchObject({ kind: "error", retry: false });
    expect(readSaveAnswer(502, "<html>Bad gateway</html>")).toMatchObject({
      kind: "error",
      retry: true,
    });
    expect(readSaveAnswer(200, { version: "x" })).toMatchObject({ kind: "error", retry: true });
  });
});

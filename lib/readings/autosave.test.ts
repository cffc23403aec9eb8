import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mergeChanges, readSaveAnswer, saveRequestSchema, saveResultSchema } from "./autosave";
import { decodeSaveResult } from "./autosave-answer";
import { ANSWER_MAX, diffSummary, emptySummary, summaryFields, type Summary } from "./summary";

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

describe("the browser's reading of a result agrees with the server's schema", () => {
  const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constant(""));
  const summary = fc.record(
    Object.fromEntries(summaryFields.map((f) => [f, text])) as Record<
      (typeof summaryFields)[number],
      typeof text
    >,
  );
  // Anything JSON can carry in each place: right, wrong type, missing, extra keys.
  const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
  const field = fc.oneof(fc.constantFrom(...summaryFields), fc.string({ maxLength: 6 }));
  const conflict = fc.record({
    field,
    mine: fc.oneof(text, anything),
    theirs: fc.oneof(text, anything),
  });
  const body = fc.record(
    {
      version: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.constant(2 ** 60), anything),
      summary: fc.oneof(
        summary,
        summary.map((s) => ({ ...s, extra: 1 })),
        anything,
      ),
      conflicts: fc.oneof(fc.array(conflict, { maxLength: 3 }), anything),
      savedAt: fc.oneof(fc.nat(), fc.double(), anything),
      snapshot: fc.oneof(fc.constant(null), summary, anything),
      other: anything,
    },
    { requiredKeys: [] },
  );

  it("accepts and refuses the same bodies, and reads them alike", () => {
    fc.assert(
      fc.property(fc.oneof(body, anything), (value) => {
        const zod = saveResultSchema.safeParse(value);
        const hand = decodeSaveResult(value);
        expect(hand !== null).toBe(zod.success);
        if (zod.success) expect(hand).toEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
  });
});

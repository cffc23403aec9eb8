import { describe, expect, it } from "vitest";
import { emptySummary } from "@/lib/readings/summary";
import { decodeDraft } from "./draft-decode";

const typed = { ...emptySummary, whatIsIt: "- a model", gist: "short" };
const draft = {
  baseVersion: 4,
  base: emptySummary,
  values: typed,
  conflicts: [{ field: "novelty", theirs: "- theirs" }],
  outbox: {
    saveId: "s-1",
    baseVersion: 4,
    changes: { whatIsIt: { base: "", value: "- a model" } },
    sent: typed,
  },
  updatedAt: 1_700_000_000_000,
};

describe("decodeDraft", () => {
  it("reads back what was stored", () => {
    expect(decodeDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it("reads an older draft without conflicts or a pending save as having none", () => {
    const { conflicts: _c, outbox: _o, updatedAt: _u, ...old } = draft;
    expect(decodeDraft(old)).toEqual({ ...old, conflicts: [], outbox: null, updatedAt: 0 });
  });

  it("is no draft when its version or texts are unusable", () => {
    for (const bad of [
      null,
      "text",
      [],
      { ...draft, baseVersion: -1 },
      { ...draft, baseVersion: 1.5 },
      { ...draft, baseVersion: "4" },
      { ...draft, values: "typed" },
      { ...draft, base: null },
    ])
      expect(decodeDraft(bad)).toBeNull();
  });

  it("keeps the typed text when damaged parts are dropped", () => {
    const d = decodeDraft({
      ...draft,
      values: { ...typed, novelty: 42, extra: "x" },
      conflicts: [{ field: "notAField", theirs: "x" }],
      outbox: { ...draft.outbox, changes: { whatIsIt: { base: "", value: 7 } } },
    });
    expect(d?.values).toEqual({ ...typed, novelty: "" });
    expect(d?.conflicts).toEqual([]);
    expect(d?.outbox).toBeNull();
  });
});

// The autosave rules against a real database: rights, merging, snapshots and history.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/unit/test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const mutations = await import("./mutations");
const { isBigDeletion } = mutations;
const { listRevisions } = await import("./data");
const { closeLiveBus } = await import("@/lib/live/bus");
const { emptySummary } = await import("./summary");

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 29, 10, 0, 0);
const { makeReading } = await import("@/tests/unit/builders");
const reading = (opts: { startedAt?: number } = {}) =>
  makeReading({ startedAt: opts.startedAt ?? T0 });

type Request = Omit<Parameters<typeof mutations.saveSummary>[2], "saveId"> & { saveId?: string };

/** A save as the browser sends it (with a fresh id unless given); the result when it applied. */
async function saveSummary(userId: string, readingId: string, request: Request, now: number) {
  const outcome = await mutations.saveSummary(
    userId,
    readingId,
    { saveId: `s${Math.random().toString(36).slice(2, 14)}`, ...request },
    now,
  );
  if (!outcome.ok) throw new Error(`save refused: ${outcome.reason}`);
  return outcome.result;
}

afterAll(async () => {
  await closeLiveBus();
  await db.$disconnect();
  await testDb.drop();
});

describe("saveSummary", () => {
  it("saves only the reader's own reading", async () => {
    const a = await reading();
    const b = await reading();
    await expect(
      saveSummary(
        b.userId,
        a.readingId,
        { baseVersion: 0, changes: { gist: { base: "", value: "x" } } },
        T0,
      ),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.reading.findUniqueOrThrow({ where: { id: a.readingId } })).gist).toBe("");
  });

  it("applies concurrent saves to different answers and never loses one", async () => {
    const a = await reading();
    const saves = (
      ["whatIsIt", "novelty", "keyTechnique", "validation", "discussion", "nextPapers"] as const
    ).map((f) =>
      saveSummary(
        a.userId,
        a.readingId,
        { baseVersion: 0, changes: { [f]: { base: "", value: `- ${f}` } } },
        T0 + MIN,
      ),
    );
    const results = await Promise.all(saves);
    expect(results.every((r) => r.conflicts.length === 0)).toBe(true);
    const row = await db.reading.findUniqueOrThrow({ where: { id: a.readingId } });
    expect(row.version).toBe(6);
    expect([
      row.whatIsIt,
      row.novelty,
      row.keyTechnique,
      row.validation,
      row.discussion,
      row.nextPapers,
    ]).toEqual([
      "- whatIsIt",
      "- novelty",
      "- keyTechnique",
      "- validation",
      "- discussion",
      "- nextPapers",
    ]);
  });

  it("returns a conflict instead of overwriting the same answer from an old version", async () => {
    const a = await reading();
    await saveSummary(
      a.userId,
      a.readingId,
      { baseVersion: 0, changes: { novelty: { base: "", value: "first" } } },
      T0 + MIN,
    );
    const r = await saveSummary(
      a.userId,
      a.readingId,
      { baseVersion: 0, changes: { novelty: { base: "", value: "second" } } },
      T0 + MIN,
    );
    expect(r.conflicts).toEqual([{ field: "novelty", mine: "second", theirs: "first" }]);
    expect((await db.reading.findUniqueOrThrow({ where: { id: a.readingId } })).novelty).toBe(
      "first",
    );
  });

  it("takes the time-up snapshot before the first edit after the deadline", async () => {
    const a = await reading();
    await saveSummary(
      a.userId,
      a.readingId,
      { baseVersion: 0, changes: { discussion: { base: "", value: "in time" } } },
      T0 + 49 * MIN,
    );
    const late = await saveSummary(
      a.userId,
      a.readingId,
      { baseVersion: 1, changes: { discussion: { base: "in time", value: "in time + late" } } },
      T0 + 55 * MIN,
    );
    expect(late.snapshot).toEqual({ ...emptySummary, discussion: "in time" });
    const row = await db.reading.findUniqueOrThrow({ where: { id: a.readingId } });
    expect(row.timeUpAt?.getTime()).toBe(T0 + 50 * MIN);
    expect(JSON.parse(row.timeUpSnapshot!)).toMatchObject({ discussion: "in time" });
    expect(row.discussion).toBe("in time + late");
  });

  it("keeps the state before a new minute and before a wipe as revisions", async () => {
    const a = await reading();
    const save = (base: string, value: string, at: number, v: number) =>
      saveSummary(
        a.userId,
        a.readingId,
        { baseVersion: v, changes: { whatIsIt: { base, value } } },
        at,
      );
    await save("", "- careful notes about the paper", T0, 0);
    await save(
      "- careful notes about the paper",
      "- careful notes about the paper, more",
      T0 + 10_000,
      1,
    );
    expect(await listRevisions(a.readingId, a.userId)).toHaveLength(0);
    // Wiped within the same minute: the text before is kept.
    await save("- careful notes about the paper, more", "", T0 + 20_000, 2);
    const revisions = await listRevisions(a.readingId, a.userId);
    expect(revisions.map((r) => r.summary?.whatIsIt)).toEqual([
      "- careful notes about the paper, more",
    ]);
    expect(await listRevisions(a.readingId, "someone-else")).toEqual([]);
  });

  it("answers a NUL character with a 400 and keeps the reading as it was (both databases)", async () => {
    const a = await reading();
    const { answerSave } = await import("./save-answer");
    const answer = await answerSave(
      a.userId,
      a.readingId,
      { saveId: "nul-save-1", baseVersion: 0, changes: { gist: { base: "", value: "a\u0000b" } } },
      T0,
    );
    expect(answer.status).toBe(400);
    const row = await db.reading.findUniqueOrThrow({ where: { id: a.readingId } });
    expect([row.gist, row.version]).toEqual(["", 0]);
  });

  it("refuses a save from a session signed in before the password changed", async () => {
    const a = await reading();
    const request = {
      saveId: "old-session-1",
      baseVersion: 0,
      changes: { gist: { base: "", value: "from the old laptop" } },
    };
    await db.user.update({ where: { id: a.userId }, data: { sessionVersion: 1 } });
    await expect(
      mutations.saveSummary(a.userId, a.readingId, request, T0, { sessionVersion: 0 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ok = await mutations.saveSummary(a.userId, a.readingId, request, T0, {
      sessionVersion: 1,
    });
    expect(ok.ok).toBe(true);
  });

  it("keeps at most REVISIONS_KEPT revisions, however many minutes of saves", async () => {
    const a = await reading();
    let text = "";
    // One save a minute for longer than the history keeps (versions that are rarely round).
    for (let i = 0; i < mutations.REVISIONS_KEPT + 7; i++) {
      const next = `${text}x`;
      await saveSummary(
        a.userId,
        a.readingId,
        { baseVersion: i, changes: { whatIsIt: { base: text, value: next } } },
        T0 + i * MIN,
      );
      text = next;
    }
    expect(await db.readingRevision.count({ where: { readingId: a.readingId } })).toBe(
      mutations.REVISIONS_KEPT,
    );
  });

  it("refuses saves to a closed meeting with a reason, without changing them", async () => {
    const a = await reading();
    await db.meeting.update({ where: { id: a.meetingId }, data: { phase: "CLOSED" } });
    expect(
      await mutations.saveSummary(
        a.userId,
        a.readingId,
        { saveId: "closed-save-1", baseVersion: 0, changes: { gist: { base: "", value: "x" } } },
        T0,
      ),
    ).toEqual({ ok: false, reason: "meetingClosed" });
    expect((await db.reading.findUniqueOrThrow({ where: { id: a.readingId } })).gist).toBe("");
  });

  it("answers a retried save as it did the first time instead of merging it again", async () => {
    const a = await reading();
    const first = {
      saveId: "retry-me-0001",
      baseVersion: 0,
      changes: { whatIsIt: { base: "", value: "- mine" } },
    };
    const applied = await saveSummary(a.userId, a.readingId, first, T0);
    expect(applied).toMatchObject({ version: 1, conflicts: [] });
    // The answer was lost; meanwhile another tab added a line. The retry must not conflict.
    await saveSummary(
      a.userId,
      a.readingId,
      { baseVersion: 1, changes: { whatIsIt: { base: "- mine", value: "- mine\n- theirs" } } },
      T0 + 1000,
    );
    const retry = await saveSummary(a.userId, a.readingId, first, T0 + 2000);
    expect(retry).toMatchObject({
      version: 2,
      conflicts: [],
      summary: { whatIsIt: "- mine\n- theirs" },
    });
    const row = await db.reading.findUniqueOrThrow({ where: { id: a.readingId } });
    expect(row.version).toBe(2);
    expect(row.whatIsIt).toBe("- mine\n- theirs");
  });

  it("merges two devices' new lines in one answer", async () => {
    const a = await reading();
    await saveSummary(
      a.userId,
      a.readingId,
      { baseVersion: 0, changes: { novelty: { base: "", value: "- a" } } },
      T0,
    );
    await saveSummary(
      a.userId,
      a.readingId,
      { baseVersion: 1, changes: { novelty: { base: "- a", value: "- a\n- from the laptop" } } },
      T0 + 1,
    );
    const phone = await saveSummary(
      a.userId,
      a.readingId,
      { baseVersion: 1, changes: { novelty: { base: "- a", value: "- a\n- from the phone" } } },
      T0 + 2,
    );
    expect(phone.conflicts).toEqual([]);
    expect(phone.summary.novelty).toBe("- a\n- from the laptop\n- from the phone");
  });
});

it("recognises a big deletion", () => {
  expect(
    isBigDeletion({ ...emptySummary, novelty: "x".repeat(40) }, { novelty: "x".repeat(10) }),
  ).toBe(true);
  expect(
    isBigDeletion({ ...emptySummary, novelty: "x".repeat(40) }, { novelty: "x".repeat(30) }),
  ).toBe(false);
  expect(isBigDeletion({ ...emptySummary, novelty: "short" }, { novelty: "" })).toBe(false);
});

// Minutes writes on a real database: who may publish, the token, and closing remarks written by
// two members at once.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { makeReading } = await import("./builders");
const m = await import("@/lib/minutes/mutations");
const { getMinutesSource } = await import("@/lib/minutes/data");

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

async function recapMeeting() {
  const r = await makeReading({ startedAt: Date.now() - 60 * 60_000, phase: "RECAP" });
  const reading = await db.reading.findUniqueOrThrow({
    where: { id: r.readingId },
    select: { userId: true, meeting: { select: { id: true, groupId: true } } },
  });
  const member = await db.user.create({
    data: { email: `m${Math.random()}@t.test`, name: "Member" },
    select: { id: true },
  });
  await db.membership.create({
    data: { groupId: reading.meeting.groupId, userId: member.id, role: "MEMBER" },
  });
  return { meetingId: reading.meeting.id, facilitator: reading.userId, member: member.id };
}

describe("minutes", () => {
  it("are published by the facilitator at an unguessable token, not by a member", async () => {
    const g = await recapMeeting();
    expect(await m.publishMinutes(g.member, g.meetingId, new Date())).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const published = await m.publishMinutes(g.facilitator, g.meetingId, new Date());
    if (!published.ok) throw new Error(published.reason);
    expect(published.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Publishing again keeps the link; unpublishing drops it.
    expect(await m.publishMinutes(g.facilitator, g.meetingId, new Date())).toEqual(published);
    await m.unpublishMinutes(g.facilitator, g.meetingId);
    expect((await getMinutesSource(g.meetingId))!.token).toBeNull();
  });

  it("keep both members' closing remarks when they write at once", async () => {
    const g = await recapMeeting();
    const base = { baseVersion: 0, baseText: "" };
    const first = await m.saveRemarks(
      g.facilitator,
      g.meetingId,
      { ...base, text: "Great session.\n" },
      new Date(),
    );
    expect(first).toMatchObject({ ok: true, version: 1, merged: false });
    // The member started from the empty text too: their line is merged, not lost.
    const second = await m.saveRemarks(
      g.member,
      g.meetingId,
      { ...base, text: "Next time: diffusion models.\n" },
      new Date(),
    );
    expect(second).toMatchObject({ ok: true, version: 2, merged: true });
    const text = (await getMinutesSource(g.meetingId))!.remarks;
    expect(text).toContain("Great session.");
    expect(text).toContain("Next time: diffusion models.");
    // An edit from the current version replaces the text.
    const third = await m.saveRemarks(
      g.member,
      g.meetingId,
      { baseVersion: 2, baseText: text, text: "Rewritten." },
      new Date(),
    );
    expect(third).toMatchObject({ ok: true, version: 3, text: "Rewritten.", merged: false });
  });

  it("are not written before the recap", async () => {
    const r = await makeReading({ startedAt: Date.now(), phase: "READING" });
    const reading = await db.reading.findUniqueOrThrow({
      where: { id: r.readingId },
      select: { userId: true, meetingId: true },
    });
    expect(
      await m.saveRemarks(
        reading.userId,
        reading.meetingId,
        { text: "x", baseVersion: 0, baseText: "" },
        new Date(),
      ),
    ).toEqual({ ok: false, reason: "wrongPhase" });
  });
});

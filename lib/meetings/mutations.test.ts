// The meeting and countdown rules against a real database: rights, phases, and races.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/unit/test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const meetings = await import("./mutations");
const readings = await import("@/lib/readings/mutations");
const recapWrites = await import("@/lib/recap/mutations");
// The meeting's writes, and the reading and recap writes it is tested with.
const m = { ...meetings, ...readings, ...recapWrites };
const { getBoard } = await import("./data");
const { closeLiveBus } = await import("@/lib/live/bus");

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 29, 10, 0, 0);
let n = 0;

async function user(name = `U${++n}`) {
  return db.user.create({
    data: { email: `${name}-${n}-${Math.random()}@t.test`, name },
    select: { id: true },
  });
}

async function groupWith(
  owner: string,
  members: { id: string; role?: "OWNER" | "ADMIN" | "MEMBER" }[] = [],
) {
  return db.group.create({
    data: {
      name: "G",
      slug: `g-${++n}-${Math.floor(Math.random() * 1e9)}`,
      memberships: {
        create: [
          { userId: owner, role: "OWNER" },
          ...members.map((x) => ({ userId: x.id, role: x.role ?? "MEMBER" })),
        ],
      },
    },
    select: { id: true },
  });
}

async function meeting(owner: string, groupId: string) {
  const { number } = await m.createMeeting(owner, groupId, {
    scheduledAt: new Date(T0),
    title: "S",
  });
  return db.meeting.findFirstOrThrow({
    where: { groupId, number },
    select: { id: true, number: true },
  });
}

const paper = {
  title: "Attention Is All You Need",
  authors: ["A. Vaswani"],
  arxivId: undefined,
  doi: undefined,
};

afterAll(async () => {
  await closeLiveBus();
  await db.$disconnect();
  await testDb.drop();
});

describe("meetings", () => {
  it("numbers meetings within their group, also when created at once", async () => {
    const o = await user();
    const g = await groupWith(o.id);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        m.createMeeting(o.id, g.id, { scheduledAt: new Date(T0), title: "x" }),
      ),
    );
    expect(results.map((r) => r.number).sort()).toEqual([1, 2, 3, 4, 5]);
    const other = await groupWith(o.id);
    expect(
      (await m.createMeeting(o.id, other.id, { scheduledAt: new Date(T0), title: "x" })).number,
    ).toBe(1);
  });

  it("lets only members create, join or see a meeting", async () => {
    const o = await user();
    const stranger = await user();
    const g = await groupWith(o.id);
    await expect(
      m.createMeeting(stranger.id, g.id, { scheduledAt: new Date(T0), title: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const mt = await meeting(o.id, g.id);
    await expect(m.joinMeeting(stranger.id, mt.id, paper)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(m.controlReading(stranger.id, mt.id, "start", T0)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.reading.count({ where: { meetingId: mt.id } })).toBe(0);
  });

  it("joins once per reader and shares one paper row per arXiv id", async () => {
    const o = await user();
    const r = await user();
    const g = await groupWith(o.id, [{ id: r.id }]);
    const mt = await meeting(o.id, g.id);
    const withArxiv = { ...paper, arxivId: { id: "1706.03762", version: 7 } };
    expect(await m.joinMeeting(o.id, mt.id, withArxiv)).toEqual({ ok: true });
    expect(await m.joinMeeting(o.id, mt.id, withArxiv)).toEqual({
      ok: false,
      reason: "alreadyJoined",
    });
    expect(await m.joinMeeting(r.id, mt.id, withArxiv)).toEqual({ ok: true });
    expect(await db.paper.count({ where: { arxivId: "1706.03762" } })).toBe(1);
  });
});

describe("countdowns", () => {
  async function joined() {
    const o = await user();
    const r = await user();
    const g = await groupWith(o.id, [{ id: r.id }]);
    const mt = await meeting(o.id, g.id);
    await m.joinMeeting(r.id, mt.id, paper);
    return { o, r, mt };
  }

  it("starts exactly once when two starts race", async () => {
    const { r, mt } = await joined();
    const results = await Promise.all([
      m.controlReading(r.id, mt.id, "start", T0),
      m.controlReading(r.id, mt.id, "start", T0 + 500),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok)).toEqual([{ ok: false, reason: "alreadyStarted" }]);
    const reading = await db.reading.findFirstOrThrow({
      where: { meetingId: mt.id, userId: r.id },
    });
    expect([T0, T0 + 500]).toContain(reading.startedAt!.getTime());
    expect(reading.durationMs).toBe(50 * MIN);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: mt.id } })).phase).toBe("READING");
  });

  it("pauses, resumes, extends and finishes on server time, refusing impossible steps", async () => {
    const { r, mt } = await joined();
    expect(await m.controlReading(r.id, mt.id, "pause", T0)).toEqual({
      ok: false,
      reason: "notStarted",
    });
    await m.controlReading(r.id, mt.id, "start", T0);
    await m.controlReading(r.id, mt.id, "pause", T0 + 10 * MIN);
    expect(await m.controlReading(r.id, mt.id, "pause", T0 + 11 * MIN)).toEqual({
      ok: false,
      reason: "alreadyPaused",
    });
    await m.controlReading(r.id, mt.id, "resume", T0 + 20 * MIN);
    await m.controlReading(r.id, mt.id, "extend", T0 + 21 * MIN);
    const board = (await getBoard(mt.id))!;
    const c = board.rows[0]!.countdown;
    expect(c.pausedMs).toBe(10 * MIN);
    expect(c.durationMs).toBe(55 * MIN);
    await m.controlReading(r.id, mt.id, "finish", T0 + 40 * MIN);
    expect(await m.controlReading(r.id, mt.id, "pause", T0 + 41 * MIN)).toEqual({
      ok: false,
      reason: "finished",
    });
    expect(await m.controlReading(r.id, mt.id, "extend", T0 + 41 * MIN)).toEqual({
      ok: false,
      reason: "finished",
    });
  });

  it("refuses an absurd extension and leaves the countdown unchanged", async () => {
    const { r, mt } = await joined();
    await m.controlReading(r.id, mt.id, "start", T0);
    expect(await m.controlReading(r.id, mt.id, "extend", T0, 10 * 60 * MIN)).toEqual({
      ok: false,
      reason: "tooLong",
    });
    expect(await m.controlReading(r.id, mt.id, "extend", T0, -5 * MIN)).toEqual({
      ok: false,
      reason: "tooLong",
    });
    expect((await db.reading.findFirstOrThrow({ where: { meetingId: mt.id } })).durationMs).toBe(
      50 * MIN,
    );
  });

  it("records time-up at the server's deadline on the reader's first save after it, never on a look", async () => {
    const { r, mt } = await joined();
    const reading = await db.reading.findFirstOrThrow({ where: { meetingId: mt.id } });
    await m.controlReading(r.id, mt.id, "start", T0);
    // Loading the board (what every page and live screen does) writes nothing.
    await getBoard(mt.id);
    expect((await db.reading.findUniqueOrThrow({ where: { id: reading.id } })).timeUpAt).toBeNull();
    await m.saveSummary(
      r.id,
      reading.id,
      {
        saveId: "after-the-deadline",
        baseVersion: 0,
        changes: { gist: { base: "", value: "late" } },
      },
      T0 + 57 * MIN,
    );
    expect(
      (await db.reading.findUniqueOrThrow({ where: { id: reading.id } })).timeUpAt?.getTime(),
    ).toBe(T0 + 50 * MIN);
  });

  it("lets only the facilitator or an admin change the phase", async () => {
    const { o, r, mt } = await joined();
    await expect(m.startEveryone(r.id, mt.id, T0)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(m.moveToRecap(r.id, mt.id, T0, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(m.closeMeeting(r.id, mt.id, T0)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await m.startEveryone(o.id, mt.id, T0)).toEqual({ ok: true, started: 1 });
    // Readers inside their time: recap asks first.
    expect(await m.moveToRecap(o.id, mt.id, T0 + 10 * MIN, false)).toEqual({
      ok: false,
      reason: "readersStillReading",
      count: 1,
    });
    expect(await m.moveToRecap(o.id, mt.id, T0 + 10 * MIN, true)).toEqual({ ok: true });
    const reading = await db.reading.findFirstOrThrow({ where: { meetingId: mt.id } });
    expect(reading.finishedAt?.getTime()).toBe(T0 + 10 * MIN);
    expect(await m.controlReading(r.id, mt.id, "resume", T0 + 11 * MIN)).toEqual({
      ok: false,
      reason: "meetingOver",
    });
    expect(await m.closeMeeting(o.id, mt.id, T0 + 20 * MIN)).toEqual({ ok: true });
    const late = await user();
    await db.membership.create({
      data: {
        groupId: (await db.meeting.findUniqueOrThrow({ where: { id: mt.id } })).groupId,
        userId: late.id,
      },
    });
    expect(await m.joinMeeting(late.id, mt.id, paper)).toEqual({ ok: false, reason: "closed" });
  });

  it("lets admins hand facilitation to members only", async () => {
    const o = await user();
    const r = await user();
    const outsider = await user();
    const g = await groupWith(o.id, [{ id: r.id }]);
    const mt = await meeting(o.id, g.id);
    await expect(m.setFacilitator(r.id, mt.id, r.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await m.setFacilitator(o.id, mt.id, outsider.id)).toEqual({
      ok: false,
      reason: "notMember",
    });
    expect(await m.setFacilitator(o.id, mt.id, r.id)).toEqual({ ok: true });
    // The new facilitator now drives the meeting.
    expect(await m.startEveryone(r.id, mt.id, T0)).toEqual({ ok: true, started: 0 });
  });

  it("puts a late joiner at the end of the recap order and lets drivers reorder before it starts", async () => {
    const { o, r, mt } = await joined();
    await m.startEveryone(o.id, mt.id, T0);
    await m.moveToRecap(o.id, mt.id, T0 + MIN, true);
    const groupId = (await db.meeting.findUniqueOrThrow({ where: { id: mt.id } })).groupId;
    const late = await user();
    await db.membership.create({ data: { groupId, userId: late.id } });
    expect(await m.joinMeeting(late.id, mt.id, paper)).toEqual({ ok: true });
    const readings = await db.reading.findMany({
      where: { meetingId: mt.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, userId: true },
    });
    const order = () =>
      db.meeting
        .findUniqueOrThrow({ where: { id: mt.id } })
        .then((x) => JSON.parse(x.recapOrder) as string[]);
    expect(await order()).toEqual(readings.map((x) => x.id));
    expect(readings.at(-1)!.userId).toBe(late.id);

    await expect(
      m.setRecapOrder(r.id, mt.id, [...readings.map((x) => x.id)].reverse()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await m.setRecapOrder(o.id, mt.id, ["not-a-reading"])).toEqual({
      ok: false,
      reason: "invalidOrder",
    });
    const revision = async () => (await getBoard(mt.id))!.recap.revision;
    const joinedAt = await revision();
    expect(await m.setRecapOrder(o.id, mt.id, [readings[1]!.id])).toEqual({
      ok: true,
      revision: joinedAt + 1,
    });
    expect(await order()).toEqual([readings[1]!.id]);
    expect(await m.driveRecap(o.id, mt.id, "next", T0 + 2 * MIN)).toEqual({
      ok: true,
      revision: joinedAt + 2,
    });
    // The board says which revision it shows: the one the answer named.
    expect(await revision()).toBe(joinedAt + 2);
    // Back clears the running timer (a change); back again on the first presenter changes
    // nothing and answers with the revision that already shows it.
    expect(await m.driveRecap(o.id, mt.id, "back", T0 + 2 * MIN)).toEqual({
      ok: true,
      revision: joinedAt + 3,
    });
    expect(await m.driveRecap(o.id, mt.id, "back", T0 + 2 * MIN)).toEqual({
      ok: true,
      revision: joinedAt + 3,
    });
    expect(await m.driveRecap(o.id, mt.id, "next", T0 + 2 * MIN)).toEqual({
      ok: true,
      revision: joinedAt + 4,
    });
    expect(
      await m.setRecapOrder(
        o.id,
        mt.id,
        readings.map((x) => x.id),
      ),
    ).toEqual({ ok: false, reason: "alreadyStarted" });
    await expect(m.driveRecap(r.id, mt.id, "next", T0 + 3 * MIN)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

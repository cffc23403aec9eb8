// The live read model against a real database: one board per change, whatever the number of
// connections watching, and the recap's slides in it.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/unit/test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { watchBoard, boardBuilds, readBoard } = await import("./live");
const { publishMeetingChange } = await import("@/lib/groups/access");
const { closeLiveBus } = await import("@/lib/live/bus");
const { makeReading } = await import("@/tests/unit/builders");
const { getBoardStamp, getMeetingForMember } = await import("./data");

afterAll(async () => {
  await closeLiveBus();
  await db.$disconnect();
  await testDb.drop();
});

const T0 = Date.UTC(2026, 11, 1, 10, 0, 0);

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe("the live read model", () => {
  it("builds the board once per change and sends it to every connection", async () => {
    const r = await makeReading({ startedAt: T0 });
    const received: string[][] = Array.from({ length: 20 }, () => []);
    const stops = await Promise.all(
      received.map((list) => watchBoard(r.meetingId, (json) => list.push(json))),
    );
    await until(() => received.every((list) => list.length >= 1));
    expect(boardBuilds(r.meetingId)).toBe(1);

    await db.reading.update({ where: { id: r.readingId }, data: { answered: 3 } });
    await publishMeetingChange(r.meetingId);
    await publishMeetingChange(r.meetingId);
    await until(() => received.every((list) => list.length >= 2));
    expect(boardBuilds(r.meetingId)).toBe(2);
    for (const list of received) expect(JSON.parse(list.at(-1)!).rows[0].answered).toBe(3);

    // A later connection gets the last board without a new query.
    const late: string[] = [];
    const stopLate = await watchBoard(r.meetingId, (json) => late.push(json));
    expect(late).toEqual([received[0]!.at(-1)]);
    expect(boardBuilds(r.meetingId)).toBe(2);

    for (const stop of [...stops, stopLate]) stop();
    expect(boardBuilds(r.meetingId)).toBe(0);
  });

  it("carries the readers' slides during the recap, with their current answers", async () => {
    const r = await makeReading({ startedAt: T0, phase: "RECAP" });
    await db.reading.update({
      where: { id: r.readingId },
      data: { whatIsIt: "- first", answered: 1 },
    });
    const boards: { slides: { answers: { text: string }[] }[] }[] = [];
    const stop = await watchBoard(r.meetingId, (json) => boards.push(JSON.parse(json)));
    await until(() => boards.length === 1);
    expect(boards[0]!.slides[0]!.answers.map((a) => a.text)).toEqual(["- first"]);
    await db.reading.update({ where: { id: r.readingId }, data: { whatIsIt: "- edited" } });
    await publishMeetingChange(r.meetingId);
    await until(() => boards.length === 2);
    expect(boards[1]!.slides[0]!.answers.map((a) => a.text)).toEqual(["- edited"]);
    stop();
  });

  it("rebuilds for a save that only changed answers during the recap, not while reading", async () => {
    const reading = await makeReading({ startedAt: T0 });
    const boards: string[] = [];
    const stop = await watchBoard(reading.meetingId, (json) => boards.push(json));
    await until(() => boards.length === 1);
    await publishMeetingChange(reading.meetingId, { type: "answers", counted: false });
    await new Promise((r) => setTimeout(r, 150));
    expect(boardBuilds(reading.meetingId)).toBe(1);
    await publishMeetingChange(reading.meetingId, { type: "answers", counted: true });
    await until(() => boards.length === 2);
    expect(boardBuilds(reading.meetingId)).toBe(2);
    stop();

    const recap = await makeReading({ startedAt: T0, phase: "RECAP" });
    const slides: string[] = [];
    const stopRecap = await watchBoard(recap.meetingId, (json) => slides.push(json));
    await until(() => slides.length === 1);
    await publishMeetingChange(recap.meetingId, { type: "answers", counted: false });
    await until(() => slides.length === 2);
    stopRecap();
  });

  it("serves page views from the last board, and a write is in the very next view", async () => {
    const r = await makeReading({ startedAt: T0 });
    const first = await readBoard(r.meetingId);
    expect(first?.rows[0]?.answered).toBe(0);
    expect(boardBuilds(r.meetingId)).toBe(1);
    // Views with no change between them cost no query.
    for (let i = 0; i < 5; i++) await readBoard(r.meetingId);
    expect(boardBuilds(r.meetingId)).toBe(1);

    // A write and its event, then at once a view (as after a form's redirect): it shows the write.
    await db.reading.update({ where: { id: r.readingId }, data: { answered: 4 } });
    await publishMeetingChange(r.meetingId);
    expect((await readBoard(r.meetingId))?.rows[0]?.answered).toBe(4);
    // And the model catches up, so later views are cached again.
    await until(() => boardBuilds(r.meetingId) === 2);
    expect((await readBoard(r.meetingId))?.rows[0]?.answered).toBe(4);
    expect(boardBuilds(r.meetingId)).toBe(2);

    // A write that announced nothing (a script, a restore, another tool): the next view sees it.
    await db.reading.update({ where: { id: r.readingId }, data: { answered: 5 } });
    expect((await readBoard(r.meetingId))?.rows[0]?.answered).toBe(5);
    expect(boardBuilds(r.meetingId)).toBe(3);

    // A meeting deleted meanwhile reads as none.
    await db.reading.deleteMany({ where: { meetingId: r.meetingId } });
    await db.meeting.delete({ where: { id: r.meetingId } });
    await publishMeetingChange(r.meetingId);
    await until(() => boardBuilds(r.meetingId) === 4);
    expect(await readBoard(r.meetingId)).toBeNull();
  });

  it("stamps a board by the meeting's and its readings' last change and count, in one query", async () => {
    const r = await makeReading({ startedAt: T0 });
    const stamp = await getBoardStamp(r.meetingId);
    expect(stamp).toMatch(/^\d+:\d+:1$/);
    expect(await getBoardStamp(r.meetingId)).toBe(stamp);
    const later = (ms: number) => new Date(Date.now() + ms);

    await db.reading.update({ where: { id: r.readingId }, data: { updatedAt: later(1_000) } });
    const afterReading = await getBoardStamp(r.meetingId);
    expect(afterReading).not.toBe(stamp);
    // A change one millisecond apart is another stamp.
    const reading = await db.reading.findUniqueOrThrow({ where: { id: r.readingId } });
    await db.reading.update({
      where: { id: r.readingId },
      data: { updatedAt: new Date(reading.updatedAt.getTime() + 1) },
    });
    const afterMs = await getBoardStamp(r.meetingId);
    expect(afterMs).not.toBe(afterReading);

    await db.meeting.update({ where: { id: r.meetingId }, data: { title: "Renamed" } });
    const afterMeeting = await getBoardStamp(r.meetingId);
    expect(afterMeeting).not.toBe(afterMs);
    expect(afterMeeting.split(":")[1]).toBe(afterMs.split(":")[1]);

    // Another reader joins with an older timestamp: the count still changes the stamp.
    const other = await makeReading({ startedAt: T0 });
    await db.reading.update({
      where: { id: other.readingId },
      data: { meetingId: r.meetingId, updatedAt: new Date(T0) },
    });
    expect(await getBoardStamp(r.meetingId)).toMatch(/:2$/);

    await db.reading.deleteMany({ where: { meetingId: r.meetingId } });
    expect(await getBoardStamp(r.meetingId)).toMatch(/^\d+:0:0$/);
    await db.meeting.delete({ where: { id: r.meetingId } });
    expect(await getBoardStamp(r.meetingId)).toBe("gone");
    expect(await getBoardStamp("no-such-meeting")).toBe("gone");
  });

  it("reads a meeting for a member in one statement, with the stamp the board is checked against", async () => {
    const r = await makeReading({ startedAt: T0, phase: "RECAP" });
    const meeting = await db.meeting.findUniqueOrThrow({
      where: { id: r.meetingId },
      select: { number: true, group: { select: { id: true, slug: true, name: true } } },
    });
    const { slug } = meeting.group;
    const found = await getMeetingForMember(slug, meeting.number, r.userId);
    expect(found).toEqual({
      id: r.meetingId,
      number: 1,
      title: "M",
      scheduledAt: new Date(T0),
      phase: "RECAP",
      facilitatorId: r.userId,
      facilitatorName: expect.stringMatching(/^R\d+$/),
      group: { id: meeting.group.id, name: meeting.group.name, slug, readingMinutes: 50 },
      role: "OWNER",
      boardStamp: await getBoardStamp(r.meetingId),
    });
    expect(found?.boardStamp).toMatch(/:1$/);

    // Only for members, and only that group's meeting of that number.
    const stranger = await makeReading({ startedAt: T0 });
    expect(await getMeetingForMember(slug, 1, stranger.userId)).toBeNull();
    expect(await getMeetingForMember(slug, 2, r.userId)).toBeNull();
    expect(await getMeetingForMember(`${slug}-other`, 1, r.userId)).toBeNull();
    await db.membership.updateMany({
      where: { groupId: meeting.group.id, userId: r.userId },
      data: { role: "MEMBER" },
    });
    expect((await getMeetingForMember(slug, 1, r.userId))?.role).toBe("MEMBER");
  });
});

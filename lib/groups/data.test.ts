// The group page's reads, each one statement, against a real database (SQLite, and PostgreSQL
// when the run is on it): what a member sees and what a stranger does not.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/unit/test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { getGroupForMember, listMembers } = await import("./data");
const { listQueue } = await import("@/lib/queue/data");

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

const T0 = Date.UTC(2026, 11, 1, 10, 0, 0);
let n = 0;
const user = (name: string) =>
  db.user.create({
    data: { email: `g${++n}-${Date.now()}@t.test`, name },
    select: { id: true, email: true },
  });

async function world() {
  const [owner, member, stranger] = [await user("Aki"), await user("Ren"), await user("Sei")];
  const slug = `lab-${n}-${Date.now()}`;
  const group = await db.group.create({
    data: {
      name: "ML 論文読み会",
      slug,
      readingMinutes: 45,
      recapSoftSeconds: 90,
      recapHardSeconds: 150,
      indexMinutes: true,
      zennPublication: "lab",
      memberships: {
        create: [
          { userId: owner.id, role: "OWNER", calendarToken: `cal-${n}`, createdAt: new Date(T0) },
          { userId: member.id, role: "MEMBER", createdAt: new Date(T0 + 60_000) },
        ],
      },
    },
    select: { id: true },
  });
  return { owner, member, stranger, slug, groupId: group.id };
}

describe("the group page's reads", () => {
  it("reads the group for a member, with their role and calendar link, and nothing for a stranger", async () => {
    const w = await world();
    const mine = await getGroupForMember(w.slug, w.owner.id);
    expect(mine).toEqual({
      id: w.groupId,
      name: "ML 論文読み会",
      slug: w.slug,
      readingMinutes: 45,
      recapSoftSeconds: 90,
      recapHardSeconds: 150,
      indexMinutes: true,
      zennPublication: "lab",
      role: "OWNER",
      membershipId: expect.any(String),
      calendarToken: `cal-${n}`,
    });
    expect(await getGroupForMember(w.slug, w.member.id)).toMatchObject({
      role: "MEMBER",
      calendarToken: null,
    });
    expect(await getGroupForMember(w.slug, w.stranger.id)).toBeNull();
    expect(await getGroupForMember(`${w.slug}-x`, w.owner.id)).toBeNull();
    await db.group.update({ where: { id: w.groupId }, data: { indexMinutes: false } });
    expect((await getGroupForMember(w.slug, w.owner.id))?.indexMinutes).toBe(false);
  });

  it("lists the members oldest first, with emails only when asked", async () => {
    const w = await world();
    const plain = await listMembers(w.groupId);
    expect(plain).toEqual([
      {
        id: expect.any(String),
        role: "OWNER",
        createdAt: new Date(T0),
        user: { id: w.owner.id, name: "Aki", email: null },
      },
      {
        id: expect.any(String),
        role: "MEMBER",
        createdAt: new Date(T0 + 60_000),
        user: { id: w.member.id, name: "Ren", email: null },
      },
    ]);
    const withEmails = await listMembers(w.groupId, { withEmails: true });
    expect(withEmails.map((m) => m.user.email)).toEqual([w.owner.email, w.member.email]);
  });

  it("lists the queue by votes then age, with who added and claimed each and the viewer's vote", async () => {
    const w = await world();
    const paper = (title: string, arxivId: string | null) =>
      db.paper.create({
        data: { title, arxivId, authors: JSON.stringify(["A. Author", "B. Author"]), year: 2023 },
        select: { id: true },
      });
    const [p1, p2, p3] = [
      await paper("Older, no votes", "2301.00001"),
      await paper("Newer, two votes", null),
      await paper("Read already", "2301.00003"),
    ];
    const older = await db.queueItem.create({
      data: { groupId: w.groupId, paperId: p1.id, addedById: w.owner.id, createdAt: new Date(T0) },
      select: { id: true },
    });
    const newer = await db.queueItem.create({
      data: {
        groupId: w.groupId,
        paperId: p2.id,
        addedById: w.member.id,
        claimedById: w.owner.id,
        createdAt: new Date(T0 + 1000),
      },
      select: { id: true },
    });
    await db.queueVote.createMany({
      data: [
        { itemId: newer.id, userId: w.owner.id },
        { itemId: newer.id, userId: w.member.id },
      ],
    });
    // A paper already read (the item points at its reading) is not in the queue.
    const meeting = await db.meeting.create({
      data: {
        groupId: w.groupId,
        number: 1,
        title: "M",
        scheduledAt: new Date(T0),
        facilitatorId: w.owner.id,
      },
      select: { id: true },
    });
    const reading = await db.reading.create({
      data: { meetingId: meeting.id, userId: w.member.id, paperId: p3.id, durationMs: 1 },
      select: { id: true },
    });
    await db.queueItem.create({
      data: { groupId: w.groupId, paperId: p3.id, addedById: w.owner.id, readingId: reading.id },
    });

    const queue = await listQueue(w.groupId, w.member.id);
    expect(queue).toEqual([
      {
        id: newer.id,
        title: "Newer, two votes",
        authors: ["A. Author", "B. Author"],
        year: 2023,
        href: null,
        identifier: null,
        addedBy: "Ren",
        addedByMe: true,
        addedAt: new Date(T0 + 1000),
        votes: 2,
        votedByMe: true,
        claimedBy: { id: w.owner.id, name: "Aki" },
      },
      {
        id: older.id,
        title: "Older, no votes",
        authors: ["A. Author", "B. Author"],
        year: 2023,
        href: expect.stringContaining("2301.00001"),
        identifier: "2301.00001",
        addedBy: "Aki",
        addedByMe: false,
        addedAt: new Date(T0),
        votes: 0,
        votedByMe: false,
        claimedBy: null,
      },
    ]);
    const asStranger = await listQueue(w.groupId, w.stranger.id);
    expect(asStranger.map((e) => [e.votedByMe, e.addedByMe])).toEqual([
      [false, false],
      [false, false],
    ]);
  });
});

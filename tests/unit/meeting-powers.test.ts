// Who may delete a meeting: owners and admins; not a plain member, not even its facilitator.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { deleteMeeting } = await import("@/lib/meetings/mutations");
const { closeLiveBus } = await import("@/lib/live/bus");

afterAll(async () => {
  await closeLiveBus();
  await db.$disconnect();
  await testDb.drop();
});

describe("deleting a meeting", () => {
  it("is for owners and admins; readings go with it and queued papers return to the queue", async () => {
    const [owner, admin, facilitator] = await Promise.all(
      ["o", "a", "f"].map((n) =>
        db.user.create({ data: { email: `${n}-${Date.now()}@t.test`, name: n } }),
      ),
    );
    const group = await db.group.create({
      data: {
        name: "G",
        slug: `del-${Date.now()}`,
        memberships: {
          create: [
            { userId: owner!.id, role: "OWNER" },
            { userId: admin!.id, role: "ADMIN" },
            { userId: facilitator!.id, role: "MEMBER" },
          ],
        },
      },
    });
    const meeting = await db.meeting.create({
      data: {
        groupId: group.id,
        number: 1,
        title: "M",
        scheduledAt: new Date(),
        facilitatorId: facilitator!.id,
      },
    });
    const paper = await db.paper.create({ data: { title: "P" } });
    const reading = await db.reading.create({
      data: { meetingId: meeting.id, userId: facilitator!.id, paperId: paper.id, durationMs: 1 },
    });
    await db.queueItem.create({
      data: { groupId: group.id, paperId: paper.id, addedById: owner!.id, readingId: reading.id },
    });

    expect(await deleteMeeting(facilitator!.id, meeting.id)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await db.meeting.count({ where: { id: meeting.id } })).toBe(1);
    expect(await deleteMeeting(admin!.id, meeting.id)).toEqual({ ok: true });
    expect(await db.meeting.count({ where: { id: meeting.id } })).toBe(0);
    expect(await db.reading.count({ where: { id: reading.id } })).toBe(0);
    expect(
      (await db.queueItem.findFirstOrThrow({ where: { groupId: group.id } })).readingId,
    ).toBeNull();
  });
});

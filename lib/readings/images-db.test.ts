// Images in answers against a real database: who may add one, what is refused, and the sweep that
// deletes only what nothing refers to any more.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/unit/test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { addReadingImage, deleteUnusedImages, UNUSED_IMAGE_GRACE_MS } = await import("./mutations");
const { getImageForMember, getImageForPublishedMinutes } = await import("./data");
const { makeReading } = await import("@/tests/unit/builders");
const { closeLiveBus } = await import("@/lib/live/bus");

afterAll(async () => {
  await closeLiveBus();
  await db.$disconnect();
  await testDb.drop();
});

const T0 = Date.UTC(2026, 11, 6, 10, 0, 0);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function added(userId: string, readingId: string, bytes = png): Promise<string> {
  const outcome = await addReadingImage(userId, readingId, bytes);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.id;
}

describe("images in answers", () => {
  it("are added by the reader only, checked by their bytes and size", async () => {
    const r = await makeReading({ startedAt: T0 });
    const other = await makeReading({ startedAt: T0 });
    const id = await added(r.userId, r.readingId);
    const image = await getImageForMember(id, r.userId, 0);
    expect(image?.mime).toBe("image/png");
    expect([...image!.bytes]).toEqual([...png]);
    // Someone else's reading, or someone outside the group: no such reading, no such image.
    await expect(addReadingImage(other.userId, r.readingId, png)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getImageForMember(id, other.userId, 0)).toBeNull();
    // A session from before a password change sees nothing.
    expect(await getImageForMember(id, r.userId, 1)).toBeNull();

    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    expect(await addReadingImage(r.userId, r.readingId, exe)).toEqual({
      ok: false,
      reason: "notImage",
    });
    const big = new Uint8Array(3 * 1024 * 1024 + 1);
    big.set(png);
    expect(await addReadingImage(r.userId, r.readingId, big)).toEqual({
      ok: false,
      reason: "tooLarge",
    });
    expect(await db.readingImage.count({ where: { readingId: r.readingId } })).toBe(1);
  });

  it("are refused once the meeting is closed", async () => {
    const r = await makeReading({ startedAt: T0, phase: "CLOSED" });
    expect(await addReadingImage(r.userId, r.readingId, png)).toEqual({
      ok: false,
      reason: "meetingClosed",
    });
  });

  it("show through a published minutes link only for that meeting's readings", async () => {
    const r = await makeReading({ startedAt: T0, phase: "CLOSED" });
    const open = await makeReading({ startedAt: T0 });
    await db.meeting.update({ where: { id: r.meetingId }, data: { phase: "READING" } });
    const id = await added(r.userId, r.readingId);
    const other = await added(open.userId, open.readingId);
    const token = `tok${r.meetingId}`.slice(0, 32).padEnd(32, "x");
    await db.meeting.update({
      where: { id: r.meetingId },
      data: { phase: "CLOSED", minutesToken: token, minutesPublishedAt: new Date() },
    });
    expect((await getImageForPublishedMinutes(id, token))?.mime).toBe("image/png");
    expect(await getImageForPublishedMinutes(other, token)).toBeNull();
  });

  it("are swept a day after nothing refers to them, and kept while anything does", async () => {
    const r = await makeReading({ startedAt: T0 });
    const inAnswer = await added(r.userId, r.readingId);
    const inSnapshot = await added(r.userId, r.readingId);
    const inRevision = await added(r.userId, r.readingId);
    const orphan = await added(r.userId, r.readingId);
    const recentOrphan = await added(r.userId, r.readingId);
    await db.reading.update({
      where: { id: r.readingId },
      data: {
        keyTechnique: `- fig\n![x](/api/images/${inAnswer})`,
        timeUpSnapshot: JSON.stringify({ whatIsIt: `![y](/api/images/${inSnapshot})` }),
        revisions: {
          create: { version: 1, content: JSON.stringify({ novelty: `/api/images/${inRevision}` }) },
        },
      },
    });
    const dayAgo = new Date(Date.now() - UNUSED_IMAGE_GRACE_MS - 60_000);
    await db.readingImage.updateMany({
      where: { id: { in: [inAnswer, inSnapshot, inRevision, orphan] } },
      data: { createdAt: dayAgo },
    });

    expect(await deleteUnusedImages(new Date())).toBe(1);
    const left = await db.readingImage.findMany({
      where: { readingId: r.readingId },
      select: { id: true },
    });
    expect(left.map((i) => i.id).sort()).toEqual(
      [inAnswer, inSnapshot, inRevision, recentOrphan].sort(),
    );
  });
});

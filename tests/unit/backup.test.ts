// A group's backup on a real database: export → import into an empty group → export gives the
// same file; imports are all or nothing and only into an empty group, by its owner.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { exportGroup } = await import("@/lib/backup/data");
const { importGroup } = await import("@/lib/backup/mutations");
const { backupSchema } = await import("@/lib/backup/schema");

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

let n = 0;
async function user(name: string) {
  n++;
  return db.user.create({
    data: { email: `${name.toLowerCase()}-${n}@t.test`, name, passwordHash: "secret-hash" },
    select: { id: true },
  });
}
async function group(ownerId: string) {
  n++;
  return db.group.create({
    data: {
      name: `G${n}`,
      slug: `b-${n}-${Math.random().toString(36).slice(2, 8)}`,
      memberships: { create: { userId: ownerId, role: "OWNER" } },
    },
    select: { id: true },
  });
}

async function filledGroup() {
  const owner = await user("Owner");
  const reader = await user("Reader");
  const leaver = await user("Leaver");
  const g = await group(owner.id);
  await db.membership.create({ data: { groupId: g.id, userId: reader.id, role: "ADMIN" } });
  const shared = await db.paper.upsert({
    where: { arxivId: "2304.13705" },
    create: { title: "ALOHA", arxivId: "2304.13705", authors: '["Tony Z. Zhao"]', year: 2023 },
    update: {},
  });
  const own = await db.paper.create({
    data: { title: "A blog post", url: "https://example.org/" },
  });
  const queued = await db.paper.create({ data: { title: "Later" } });
  const t0 = new Date("2026-11-01T10:00:00.000Z");
  const meeting = await db.meeting.create({
    data: {
      groupId: g.id,
      number: 1,
      title: "Session 1",
      scheduledAt: t0,
      phase: "CLOSED",
      facilitatorId: owner.id,
      closedAt: new Date(t0.getTime() + 3_600_000),
      closingRemarks: "Good **one**.",
      minutesToken: `tok${n}`.padEnd(32, "x"),
    },
  });
  const r1 = await db.reading.create({
    data: {
      meetingId: meeting.id,
      userId: reader.id,
      paperId: shared.id,
      durationMs: 3_000_000,
      startedAt: t0,
      whatIsIt: "- robots",
      gist: "Cheap arms",
      paperOverrides: JSON.stringify({ title: "ALOHA (mine)" }),
      timeUpSnapshot: JSON.stringify({ whatIsIt: "- rob", gist: "" }),
      createdAt: t0,
    },
  });
  const r2 = await db.reading.create({
    data: {
      meetingId: meeting.id,
      userId: leaver.id,
      paperId: own.id,
      durationMs: 3_000_000,
      nextPapers: "arXiv:1706.03762",
      createdAt: new Date(t0.getTime() + 1),
    },
  });
  await db.meeting.update({
    where: { id: meeting.id },
    data: { recapOrder: JSON.stringify([r2.id, r1.id]) },
  });
  await db.queueItem.create({
    data: {
      groupId: g.id,
      paperId: queued.id,
      addedById: reader.id,
      claimedById: owner.id,
      createdAt: t0,
      votes: { create: [{ userId: reader.id }, { userId: owner.id }] },
    },
  });
  return { owner, g };
}

describe("group backup", () => {
  it("round-trips: export → import into an empty group → export gives the same file", async () => {
    const { owner, g } = await filledGroup();
    const first = await exportGroup(g.id);
    const text = JSON.stringify(first);
    expect(text).not.toContain("secret-hash");
    expect(text).not.toMatch(/tok\d+x+/);
    expect(first.members.find((m) => m.name === "Leaver")?.left).toBe(true);

    const copy = await group(owner.id);
    const imported = await importGroup(owner.id, copy.id, JSON.parse(text));
    expect(imported).toEqual({ ok: true, meetings: 1, readings: 2, papers: 3, members: 3 });
    const second = await exportGroup(copy.id);
    expect({ ...second, group: { ...second.group, name: "" } }).toEqual({
      ...first,
      group: { ...first.group, name: "" },
    });
    // The shared arXiv record is reused, not duplicated.
    expect(await db.paper.count({ where: { arxivId: "2304.13705" } })).toBe(1);
  });

  it("carries the images answers show, under keys of the file, and the import shows them again", async () => {
    const { owner, g } = await filledGroup();
    const reading = await db.reading.findFirstOrThrow({
      where: { meeting: { groupId: g.id }, gist: "Cheap arms" },
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const [shown, swept] = await Promise.all(
      [png, Buffer.concat([png, png])].map((bytes) =>
        db.readingImage.create({
          data: { readingId: reading.id, mime: "image/png", bytes, size: bytes.length },
        }),
      ),
    );
    await db.reading.update({
      where: { id: reading.id },
      data: {
        keyTechnique: `![Figure 1](/api/images/${shown!.id})\n[1]より引用`,
        timeUpSnapshot: JSON.stringify({ keyTechnique: `![F](/api/images/${shown!.id})` }),
      },
    });

    const first = await exportGroup(g.id);
    const text = JSON.stringify(first);
    // Addresses of this Yomikai do not travel; the one image still shown does, once.
    expect(text).not.toContain(shown!.id);
    expect(text).not.toContain(swept!.id);
    const exported = first.meetings[0]!.readings.find((r) => r.gist === "Cheap arms")!;
    expect(exported.answers.keyTechnique).toBe("![Figure 1](/api/images/i1)\n[1]より引用");
    expect(exported.images).toEqual([
      { key: "i1", mime: "image/png", data: png.toString("base64") },
    ]);

    const copy = await group(owner.id);
    expect(
      await importGroup(owner.id, copy.id, backupSchema.parse(JSON.parse(text))),
    ).toMatchObject({
      ok: true,
    });
    const restored = await db.reading.findFirstOrThrow({
      where: { meeting: { groupId: copy.id }, gist: "Cheap arms" },
      include: { images: true },
    });
    expect(restored.images).toHaveLength(1);
    const image = restored.images[0]!;
    expect(Buffer.from(image.bytes).equals(png)).toBe(true);
    expect(restored.keyTechnique).toBe(`![Figure 1](/api/images/${image.id})\n[1]より引用`);
    expect(restored.timeUpSnapshot).toContain(`/api/images/${image.id}`);
    // And the copy exports to the same file.
    expect(JSON.stringify((await exportGroup(copy.id)).meetings)).toBe(
      JSON.stringify(first.meetings),
    );
  });

  it("refuses an image whose bytes are not the type it claims", async () => {
    const { g } = await filledGroup();
    const file = JSON.parse(JSON.stringify(await exportGroup(g.id)));
    file.meetings[0].readings[0].images = [
      { key: "i1", mime: "image/png", data: Buffer.from("MZ not an image").toString("base64") },
    ];
    const result = backupSchema.safeParse(file);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(
      "meetings.0.readings.0.images.0.data",
    );
  });

  it("imports only into an empty group, only for its owner, and all or nothing", async () => {
    const { owner, g } = await filledGroup();
    const backup = await exportGroup(g.id);
    expect(await importGroup(owner.id, g.id, backup)).toEqual({ ok: false, reason: "notEmpty" });

    const admin = await user("Admin");
    const target = await group(owner.id);
    await db.membership.create({ data: { groupId: target.id, userId: admin.id, role: "ADMIN" } });
    await expect(importGroup(admin.id, target.id, backup)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    // A file that breaks half-way (a duplicate paper row under a unique id) leaves nothing behind.
    const broken = structuredClone(backup);
    broken.meetings.push({ ...broken.meetings[0]!, number: 2 });
    broken.meetings[1]!.readings.push(broken.meetings[1]!.readings[0]!);
    await expect(importGroup(owner.id, target.id, broken)).rejects.toThrow();
    expect(await db.meeting.count({ where: { groupId: target.id } })).toBe(0);
    expect(await db.queueItem.count({ where: { groupId: target.id } })).toBe(0);
  });

  it("refuses files that do not hold together, saying where", () => {
    const result = backupSchema.safeParse({
      kind: "yomikai-group-backup",
      version: 1,
      group: {
        name: "G",
        readingMinutes: 50,
        recapSoftSeconds: 60,
        recapHardSeconds: 120,
        indexMinutes: false,
        zennPublication: null,
      },
      members: [],
      papers: [],
      meetings: [
        {
          number: 1,
          title: "S",
          scheduledAt: "2026-01-01T00:00:00.000Z",
          phase: "CLOSED",
          facilitator: "m9",
          readingStartedAt: null,
          recapStartedAt: null,
          closedAt: null,
          closingRemarks: "",
          minutesInitials: true,
          minutesAtTimeUp: false,
          recapOrder: [],
          recapIndex: 0,
          readings: [],
        },
      ],
      queue: [],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["meetings.0.facilitator"]);
    expect(backupSchema.safeParse({ kind: "something-else" }).success).toBe(false);
  });
});

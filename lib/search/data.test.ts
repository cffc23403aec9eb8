// The archive's search against a real database (SQLite here, PostgreSQL in CI's second pass):
// Japanese found by two characters and more, English by any case, quotes, % and _ taken
// literally, filters, and the index kept in step by the database itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/unit/test-database";

const testDb = await createTestDatabase();
const { db } = await import("@/lib/db");
const { archiveFacetQueries, listArchiveFacets, searchArchive } = await import("./data");
const { Prisma } = await import("@/lib/db");
const { closeLiveBus } = await import("@/lib/live/bus");
const { env } = await import("@/lib/env");

afterAll(async () => {
  await closeLiveBus();
  await db.$disconnect();
  await testDb.drop();
});

let n = 0;
const DAY = 24 * 60 * 60_000;
const T0 = Date.UTC(2026, 5, 1, 10);

type Reading = { id: string; paperId: string };
let group = "";
let other = "";
let readers: { aki: string; ben: string } = { aki: "", ben: "" };
const r: Record<string, Reading> = {};

async function meeting(groupId: string, number: number, at: number) {
  return db.meeting.create({
    data: {
      groupId,
      number,
      title: `M${number}`,
      scheduledAt: new Date(at),
      facilitatorId: readers.aki,
    },
    select: { id: true },
  });
}

async function reading(
  meetingId: string,
  userId: string,
  paper: { title: string; abstract?: string; primaryCategory?: string },
  answers: Record<string, string>,
): Promise<Reading> {
  const p = await db.paper.create({
    data: { ...paper, arxivId: `2401.${++n}` },
    select: { id: true },
  });
  const row = await db.reading.create({
    data: { meetingId, userId, paperId: p.id, durationMs: 50 * 60_000, ...answers },
    select: { id: true },
  });
  return { id: row.id, paperId: p.id };
}

const all: import("./data").ArchiveFilters = {
  q: "",
  readerId: null,
  from: null,
  before: null,
  category: null,
  queued: false,
  page: 1,
};
const ids = async (filters: Partial<typeof all>, groupId = group) =>
  (await searchArchive(groupId, { ...all, ...filters })).items.map((i) => i.readingId);

beforeAll(async () => {
  const tag = Math.random().toString(36).slice(2, 8);
  const aki = await db.user.create({ data: { email: `aki${tag}@t.test`, name: "Aki" } });
  const ben = await db.user.create({ data: { email: `ben${tag}@t.test`, name: "Ben" } });
  readers = { aki: aki.id, ben: ben.id };
  const g = await db.group.create({
    data: {
      name: "G",
      slug: `search-${tag}`,
      memberships: { create: [{ userId: aki.id, role: "OWNER" }, { userId: ben.id }] },
    },
  });
  const o = await db.group.create({
    data: { name: "O", slug: `other-${tag}`, memberships: { create: { userId: aki.id } } },
  });
  group = g.id;
  other = o.id;
  const m1 = await meeting(group, 1, T0);
  const m2 = await meeting(group, 2, T0 + 7 * DAY);
  const mo = await meeting(other, 1, T0);
  r.imitation = await reading(
    m1.id,
    aki.id,
    { title: "ALOHA: Learning Fine-Grained Bimanual Manipulation", primaryCategory: "cs.RO" },
    { whatIsIt: "- 模倣学習で細かい双腕操作を学ぶ", gist: "少ないデモで靴ひもを通す" },
  );
  r.yolo = await reading(
    m1.id,
    ben.id,
    { title: "You Only Look Once", primaryCategory: "cs.CV" },
    { whatIsIt: "- リアルタイムの物体検出", keyTechnique: "- one CNN predicts boxes" },
  );
  r.sale = await reading(
    m2.id,
    aki.id,
    { title: "Discounts", abstract: "We study 50%_off pricing and action chunking." },
    { discussion: "- 物体の検出ではない" },
  );
  // Another group's reading that matches everything: never shown here.
  r.elsewhere = await reading(
    mo.id,
    aki.id,
    { title: "YOLO 模倣学習 物体検出 50%_off" },
    { whatIsIt: "模倣" },
  );
});

describe("the archive's search", () => {
  it("finds Japanese by two characters or more, inside longer words", async () => {
    expect(await ids({ q: "模倣" })).toEqual([r.imitation!.id]);
    expect(await ids({ q: "模倣学習" })).toEqual([r.imitation!.id]);
    expect(await ids({ q: "物体検出" })).toEqual([r.yolo!.id]);
    expect(await ids({ q: "検出" })).toEqual([r.sale!.id, r.yolo!.id]);
  });

  it("finds English in any case, and needs every term", async () => {
    expect(await ids({ q: "yolo" })).toEqual([]);
    expect(await ids({ q: "you only LOOK" })).toEqual([r.yolo!.id]);
    expect(await ids({ q: "cnn 物体検出" })).toEqual([r.yolo!.id]);
    expect(await ids({ q: "cnn 模倣" })).toEqual([]);
  });

  it("keeps quoted phrases together and takes % and _ literally", async () => {
    expect(await ids({ q: '"action chunking"' })).toEqual([r.sale!.id]);
    expect(await ids({ q: '"chunking action"' })).toEqual([]);
    expect(await ids({ q: "50%_off" })).toEqual([r.sale!.id]);
    expect(await ids({ q: "%" })).toEqual([r.sale!.id]);
    expect(await ids({ q: "_" })).toEqual([r.sale!.id]);
    expect(await ids({ q: "5%0" })).toEqual([]);
  });

  it("lists everything for an empty query, newest meeting first, and survives a 500-character one", async () => {
    expect(await ids({ q: "  " })).toEqual([r.sale!.id, r.imitation!.id, r.yolo!.id]);
    expect(await ids({ q: "あ".repeat(500) })).toEqual([]);
    expect(await ids({ q: "x".repeat(5000) })).toEqual([]);
  });

  it("narrows by reader, dates, category and the reading queue", async () => {
    expect(await ids({ readerId: readers.ben })).toEqual([r.yolo!.id]);
    expect(await ids({ from: new Date(T0 + DAY) })).toEqual([r.sale!.id]);
    expect(await ids({ before: new Date(T0 + DAY) })).toEqual([r.imitation!.id, r.yolo!.id]);
    expect(await ids({ from: new Date(T0 + 30 * DAY) })).toEqual([]);
    expect(await ids({ category: "cs.CV" })).toEqual([r.yolo!.id]);
    expect(await ids({ queued: true })).toEqual([]);
    await db.queueItem.create({
      data: { groupId: group, paperId: r.imitation!.paperId, addedById: readers.ben },
    });
    expect(await ids({ queued: true })).toEqual([r.imitation!.id]);
  });

  it("offers the group's own readers and categories as filters, read through the search table's indexes", async () => {
    expect(await listArchiveFacets(group)).toEqual({
      readers: [
        { id: readers.aki, name: "Aki" },
        { id: readers.ben, name: "Ben" },
      ],
      categories: ["cs.CV", "cs.RO"],
    });
    // Aki reads in the other group too; its paper has no category.
    expect(await listArchiveFacets(other)).toEqual({
      readers: [{ id: readers.aki, name: "Aki" }],
      categories: [],
    });
    const sql = archiveFacetQueries(group);
    if (env().databaseProvider === "postgres") {
      const plans = await db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        return Promise.all(
          [sql.readers, sql.categories].map((q) =>
            tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${q}`),
          ),
        );
      });
      for (const plan of plans)
        expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("ReadingSearch_groupId");
    } else {
      // Each choice is read from an index of the group's rows alone, never from every account or
      // paper of the instance checked against the group.
      const plan = async (q: (typeof sql)["readers"]) =>
        (await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${q}`))
          .map((row) => row.detail)
          .join("\n");
      expect(await plan(sql.readers)).toContain("COVERING INDEX ReadingSearch_groupId_userId_idx");
      expect(await plan(sql.categories)).toContain(
        "COVERING INDEX ReadingSearch_groupId_paperId_idx",
      );
      expect(await plan(sql.readers)).not.toMatch(/SCAN u\b/);
    }
  });

  it("stays in step with every write, by the database's own triggers", async () => {
    await db.reading.update({
      where: { id: r.yolo!.id },
      data: { novelty: "- アンカーボックスなし" },
    });
    expect(await ids({ q: "アンカー" })).toEqual([r.yolo!.id]);
    await db.paper.update({ where: { id: r.sale!.paperId }, data: { title: "Diffusion Policy" } });
    expect(await ids({ q: "diffusion" })).toEqual([r.sale!.id]);
    // A meeting moved to another day moves its readings in the archive's order.
    const m1 = await db.reading.findUniqueOrThrow({
      where: { id: r.imitation!.id },
      select: { meetingId: true },
    });
    await db.meeting.update({
      where: { id: m1.meetingId },
      data: { scheduledAt: new Date(T0 + 30 * DAY) },
    });
    expect(await ids({})).toEqual([r.imitation!.id, r.yolo!.id, r.sale!.id]);
    await db.reading.delete({ where: { id: r.sale!.id } });
    expect(await ids({ q: "diffusion" })).toEqual([]);
    expect((await searchArchive(other, { ...all, q: "模倣" })).total).toBe(1);
  });

  it("looks Japanese up through the database's trigram index, not by reading every text", async () => {
    if (env().databaseProvider === "postgres") {
      const [row] = await db.$queryRaw<{ trigrams: string[] }[]>`
        SELECT show_trgm('物体検出') AS trigrams`;
      const trigrams = row!.trigrams;
      // Under a locale that took kanji for punctuation, pg_trgm would make none.
      expect(trigrams.length).toBeGreaterThanOrEqual(2);
      const plan = await db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
          EXPLAIN SELECT 1 FROM "ReadingSearch" WHERE "doc" LIKE lower(${"%物体検出%"})`;
      });
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("ReadingSearch_doc_trgm");
    } else {
      const plan = await db.$queryRaw<{ detail: string }[]>`
        EXPLAIN QUERY PLAN SELECT rowid FROM "ReadingFts" WHERE "ReadingFts" MATCH '"物体検出"'`;
      expect(plan.map((row) => row.detail).join("\n")).toMatch(/VIRTUAL TABLE INDEX/);
      const found = await db.$queryRaw<{ n: number | bigint }[]>`
        SELECT count(*) AS n FROM "ReadingFts" WHERE "ReadingFts" MATCH '"物体検出"'`;
      expect(Number(found[0]!.n)).toBeGreaterThanOrEqual(1);
    }
  });
});

// A group's backup, read from the database. The caller has checked the actor owns the group.
import "server-only";
import { db } from "@/lib/db";
import { parseStringList } from "@/lib/ids";
import { answerKeys } from "@/lib/readings/schema";
import { IMAGE_PATH, imageIdsIn, rewriteImageAddresses } from "@/lib/readings/images";
import { BACKUP_VERSION, backupSchema, type Backup } from "./schema";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type ImageRow = { id: string; readingId: string; mime: string; bytes: Uint8Array };

/**
 * The images the group's answers show, each under a key of the file ("i1", "i2", … in the order
 * the readings come), and a rewrite of a text's image addresses to those keys. Images no answer
 * shows any more (about to be swept) stay out.
 */
async function groupImages(
  groupId: string,
  readings: { id: string; texts: (string | null)[] }[],
): Promise<{
  byReading: Map<string, (ImageRow & { key: string })[]>;
  rewrite: (t: string) => string;
}> {
  const shown = new Set(readings.flatMap((r) => r.texts.flatMap((t) => (t ? imageIdsIn(t) : []))));
  const rows: ImageRow[] = shown.size
    ? await db.readingImage.findMany({
        where: { id: { in: [...shown] }, reading: { meeting: { groupId } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, readingId: true, mime: true, bytes: true },
      })
    : [];
  const order = new Map(readings.map((r, i) => [r.id, i]));
  rows.sort((a, b) => order.get(a.readingId)! - order.get(b.readingId)!);
  const keyOf = new Map(rows.map((row, i) => [row.id, `i${i + 1}`]));
  const byReading = new Map<string, (ImageRow & { key: string })[]>();
  for (const row of rows)
    byReading.set(row.readingId, [
      ...(byReading.get(row.readingId) ?? []),
      { ...row, key: keyOf.get(row.id)! },
    ]);
  const rewrite = (text: string) =>
    rewriteImageAddresses(text, (id) => `${IMAGE_PATH}${keyOf.get(id) ?? id}`);
  return { byReading, rewrite };
}

export async function exportGroup(groupId: string): Promise<Backup> {
  const group = await db.group.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      name: true,
      readingMinutes: true,
      recapSoftSeconds: true,
      recapHardSeconds: true,
      indexMinutes: true,
      zennPublication: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, user: { select: { id: true, name: true, email: true } } },
      },
      meetings: {
        orderBy: { number: "asc" },
        include: { readings: { orderBy: { createdAt: "asc" }, include: { paper: true } } },
      },
      queue: {
        where: { readingId: null },
        orderBy: { createdAt: "asc" },
        include: { paper: true, votes: { orderBy: { createdAt: "asc" } } },
      },
    },
  });

  // People: the members, and those who read, facilitated or queued here and have left since;
  // keyed in order of email, so the same group always gives the same file.
  const others = await db.user.findMany({
    where: {
      memberships: { none: { groupId } },
      OR: [
        { readings: { some: { meeting: { groupId } } } },
        { facilitating: { some: { groupId } } },
        { queueAdded: { some: { groupId } } },
        { queueVotes: { some: { item: { groupId } } } },
      ],
    },
    select: { id: true, name: true, email: true },
  });
  const people = [
    ...group.memberships.map((m) => ({ ...m.user, role: m.role, left: false })),
    ...others.map((u) => ({ ...u, role: "MEMBER" as const, left: true })),
  ].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  const memberKey = new Map(people.map((u, i) => [u.id, `m${i + 1}`]));
  const members: Backup["members"] = people.map((u) => ({
    key: memberKey.get(u.id)!,
    name: u.name,
    email: u.email,
    role: u.role,
    left: u.left,
  }));
  const who = (id: string) => memberKey.get(id)!;

  const paperKey = new Map<string, string>();
  const papers: Backup["papers"] = [];
  const paper = (p: (typeof group.meetings)[number]["readings"][number]["paper"]) => {
    let k = paperKey.get(p.id);
    if (!k) {
      k = `p${paperKey.size + 1}`;
      paperKey.set(p.id, k);
      papers.push({
        key: k,
        title: p.title,
        authors: parseStringList(p.authors),
        year: p.year,
        venue: p.venue,
        arxivId: p.arxivId,
        arxivVersion: p.arxivVersion,
        doi: p.doi,
        url: p.url,
        codeUrl: p.codeUrl,
        abstract: p.abstract,
        primaryCategory: p.primaryCategory,
        journalRef: p.journalRef,
        publishedAt: iso(p.publishedAt),
        source: p.source === "arxiv" || p.source === "doi" ? p.source : null,
      });
    }
    return k;
  };

  const allReadings = group.meetings.flatMap((m) => m.readings);
  const images = await groupImages(
    groupId,
    allReadings.map((r) => ({
      id: r.id,
      texts: [r.gist, r.timeUpSnapshot, ...answerKeys.map((k) => r[k])],
    })),
  );
  const shown = images.rewrite;

  const backup: Backup = {
    kind: "yomikai-group-backup",
    version: BACKUP_VERSION,
    group: {
      name: group.name,
      readingMinutes: group.readingMinutes,
      recapSoftSeconds: group.recapSoftSeconds,
      recapHardSeconds: group.recapHardSeconds,
      indexMinutes: group.indexMinutes,
      zennPublication: group.zennPublication,
    },
    members,
    papers,
    meetings: group.meetings.map((m) => {
      const readerOf = new Map(m.readings.map((r) => [r.id, r.userId]));
      return {
        number: m.number,
        title: m.title,
        scheduledAt: m.scheduledAt.toISOString(),
        phase: m.phase,
        facilitator: who(m.facilitatorId),
        readingStartedAt: iso(m.readingStartedAt),
        recapStartedAt: iso(m.recapStartedAt),
        closedAt: iso(m.closedAt),
        closingRemarks: m.closingRemarks,
        minutesInitials: m.minutesInitials,
        minutesAtTimeUp: m.minutesAtTimeUp,
        recapOrder: parseStringList(m.recapOrder).flatMap((id) => {
          const u = readerOf.get(id);
          return u ? [who(u)] : [];
        }),
        recapIndex: m.recapIndex,
        readings: m.readings.map((r) => ({
          reader: who(r.userId),
          paper: paper(r.paper),
          paperOverrides: r.paperOverrides,
          durationMs: r.durationMs,
          startedAt: iso(r.startedAt),
          pausedAt: iso(r.pausedAt),
          pausedMs: r.pausedMs,
          finishedAt: iso(r.finishedAt),
          timeUpAt: iso(r.timeUpAt),
          gist: shown(r.gist),
          answers: Object.fromEntries(
            answerKeys.map((k) => [k, shown(r[k])]),
          ) as Backup["meetings"][number]["readings"][number]["answers"],
          timeUpSnapshot: r.timeUpSnapshot === null ? null : shown(r.timeUpSnapshot),
          presentedMs: r.presentedMs,
          images: (images.byReading.get(r.id) ?? []).map((image) => ({
            key: image.key,
            mime: image.mime as Backup["meetings"][number]["readings"][number]["images"][number]["mime"],
            data: Buffer.from(image.bytes).toString("base64"),
          })),
        })),
      };
    }),
    queue: group.queue.map((q) => ({
      paper: paper(q.paper),
      addedBy: who(q.addedById),
      claimedBy: q.claimedById ? who(q.claimedById) : null,
      votes: q.votes.map((v) => who(v.userId)).sort(),
      addedAt: q.createdAt.toISOString(),
    })),
  };
  // What is written is what an import accepts.
  return backupSchema.parse(backup);
}

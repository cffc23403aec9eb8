// Importing a group's backup into an empty group, all or nothing. People are matched by email;
// someone not on this Yomikai gets an account without a password (they set one by resetting it,
// or sign in with GitHub or Google). Papers with an arXiv id or DOI join this Yomikai's shared
// record of that paper; the rest are created.
import "server-only";
import { db } from "@/lib/db";
import { AppError, type Failure } from "@/lib/errors";
import { membershipRole } from "@/lib/groups/access";
import { answerKeys } from "@/lib/readings/schema";
import { IMAGE_PATH, imageIdsIn, rewriteImageAddresses } from "@/lib/readings/images";
import type { Backup, importFailures } from "./schema";

export type ImportResult =
  | { ok: true; meetings: number; readings: number; papers: number; members: number }
  | Failure<(typeof importFailures)[number]>;

const when = (iso: string | null) => (iso ? new Date(iso) : null);

export async function importGroup(
  userId: string,
  groupId: string,
  backup: Backup,
): Promise<ImportResult> {
  return db.$transaction(
    async (tx): Promise<ImportResult> => {
      const role = await membershipRole(tx, groupId, userId);
      if (role !== "OWNER") throw new AppError("FORBIDDEN");
      const [meetings, queued] = await Promise.all([
        tx.meeting.count({ where: { groupId } }),
        tx.queueItem.count({ where: { groupId } }),
      ]);
      if (meetings > 0 || queued > 0) return { ok: false, reason: "notEmpty" };

      await tx.group.update({
        where: { id: groupId },
        data: {
          readingMinutes: backup.group.readingMinutes,
          recapSoftSeconds: backup.group.recapSoftSeconds,
          recapHardSeconds: backup.group.recapHardSeconds,
          indexMinutes: backup.group.indexMinutes,
          zennPublication: backup.group.zennPublication,
        },
        select: { id: true },
      });

      const users = new Map<string, string>();
      for (const m of backup.members) {
        const email = m.email.toLowerCase();
        const user =
          (await tx.user.findUnique({ where: { email }, select: { id: true } })) ??
          (await tx.user.create({ data: { email, name: m.name }, select: { id: true } }));
        users.set(m.key, user.id);
        const existing = await tx.membership.findUnique({
          where: { groupId_userId: { groupId, userId: user.id } },
          select: { id: true },
        });
        // The importing owner stays owner; everyone else gets their role back.
        if (!existing && !m.left)
          await tx.membership.create({
            data: { groupId, userId: user.id, role: m.role },
            select: { id: true },
          });
      }

      const papers = new Map<string, string>();
      for (const p of backup.papers) {
        const data = {
          title: p.title,
          authors: JSON.stringify(p.authors),
          year: p.year,
          venue: p.venue,
          arxivVersion: p.arxivVersion,
          url: p.url,
          codeUrl: p.codeUrl,
          abstract: p.abstract,
          primaryCategory: p.primaryCategory,
          journalRef: p.journalRef,
          publishedAt: when(p.publishedAt),
          source: p.source,
        };
        const shared = p.arxivId
          ? await tx.paper.findUnique({ where: { arxivId: p.arxivId }, select: { id: true } })
          : p.doi
            ? await tx.paper.findUnique({ where: { doi: p.doi }, select: { id: true } })
            : null;
        const row =
          shared ??
          (await tx.paper.create({
            data: { ...data, arxivId: p.arxivId, doi: p.doi },
            select: { id: true },
          }));
        papers.set(p.key, row.id);
      }

      let readings = 0;
      // Images get their ids as they are stored; the answers that show them are rewritten after.
      const imageIds = new Map<string, string>();
      const showing: { id: string; reading: Backup["meetings"][number]["readings"][number] }[] = [];
      for (const m of backup.meetings) {
        const meeting = await tx.meeting.create({
          data: {
            groupId,
            number: m.number,
            title: m.title,
            scheduledAt: new Date(m.scheduledAt),
            phase: m.phase,
            facilitatorId: users.get(m.facilitator)!,
            readingStartedAt: when(m.readingStartedAt),
            recapStartedAt: when(m.recapStartedAt),
            closedAt: when(m.closedAt),
            closingRemarks: m.closingRemarks,
            minutesInitials: m.minutesInitials,
            minutesAtTimeUp: m.minutesAtTimeUp,
            recapIndex: m.recapIndex,
          },
          select: { id: true },
        });
        const readingOf = new Map<string, string>();
        for (const [i, r] of m.readings.entries()) {
          const answered = Object.values(r.answers).filter((a) => a.trim() !== "").length;
          const reading = await tx.reading.create({
            data: {
              meetingId: meeting.id,
              userId: users.get(r.reader)!,
              paperId: papers.get(r.paper)!,
              paperOverrides: r.paperOverrides,
              durationMs: r.durationMs,
              startedAt: when(r.startedAt),
              pausedAt: when(r.pausedAt),
              pausedMs: r.pausedMs,
              finishedAt: when(r.finishedAt),
              timeUpAt: when(r.timeUpAt),
              gist: r.gist,
              ...r.answers,
              answered,
              timeUpSnapshot: r.timeUpSnapshot,
              presentedMs: r.presentedMs,
              // Join order is kept through creation times a millisecond apart.
              createdAt: new Date(new Date(m.scheduledAt).getTime() + i),
            },
            select: { id: true },
          });
          readingOf.set(r.reader, reading.id);
          readings++;
          for (const image of r.images) {
            const bytes = Buffer.from(image.data, "base64");
            const row = await tx.readingImage.create({
              data: { readingId: reading.id, mime: image.mime, bytes, size: bytes.length },
              select: { id: true },
            });
            imageIds.set(image.key, row.id);
          }
          const texts = [r.gist, r.timeUpSnapshot ?? "", ...Object.values(r.answers)];
          if (texts.some((t) => imageIdsIn(t).length)) showing.push({ id: reading.id, reading: r });
        }
        const order = m.recapOrder.flatMap((k) => (readingOf.has(k) ? [readingOf.get(k)!] : []));
        if (order.length)
          await tx.meeting.update({
            where: { id: meeting.id },
            data: { recapOrder: JSON.stringify(order) },
            select: { id: true },
          });
      }

      const shown = (text: string) =>
        rewriteImageAddresses(text, (key) => `${IMAGE_PATH}${imageIds.get(key) ?? key}`);
      for (const { id, reading: r } of showing)
        await tx.reading.update({
          where: { id },
          data: {
            gist: shown(r.gist),
            ...Object.fromEntries(answerKeys.map((k) => [k, shown(r.answers[k])])),
            timeUpSnapshot: r.timeUpSnapshot === null ? null : shown(r.timeUpSnapshot),
          },
          select: { id: true },
        });

      for (const q of backup.queue) {
        await tx.queueItem.create({
          data: {
            groupId,
            paperId: papers.get(q.paper)!,
            addedById: users.get(q.addedBy)!,
            claimedById: q.claimedBy ? users.get(q.claimedBy)! : null,
            createdAt: new Date(q.addedAt),
            votes: { create: [...new Set(q.votes)].map((k) => ({ userId: users.get(k)! })) },
          },
          select: { id: true },
        });
      }
      return {
        ok: true,
        meetings: backup.meetings.length,
        readings,
        papers: backup.papers.length,
        members: backup.members.length,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

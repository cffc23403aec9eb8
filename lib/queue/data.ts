// Reading the queue: a group's papers to read later, most wanted first.
import "server-only";
import { db } from "@/lib/db";
import { showPaper } from "@/lib/papers/display";
import { findIdentifiers } from "@/lib/papers/identifiers";
import type { QueueEntry, Suggestion } from "./schema";

/** The group's queue for `userId` (a member; the caller checked): by votes, then oldest first. */
export async function listQueue(groupId: string, userId: string): Promise<QueueEntry[]> {
  const items = await db.queueItem.findMany({
    where: { groupId, readingId: null },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      createdAt: true,
      addedById: true,
      addedBy: { select: { name: true } },
      claimedBy: { select: { id: true, name: true } },
      paper: {
        select: { title: true, authors: true, year: true, url: true, arxivId: true, doi: true },
      },
      votes: { select: { userId: true } },
    },
  });
  return items
    .map((item) => {
      const shown = showPaper(item.paper);
      return {
        id: item.id,
        title: shown.title,
        authors: shown.authors,
        year: shown.year,
        href: shown.href,
        identifier: item.paper.arxivId ?? item.paper.doi,
        addedBy: item.addedBy.name,
        addedByMe: item.addedById === userId,
        addedAt: item.createdAt,
        votes: item.votes.length,
        votedByMe: item.votes.some((v) => v.userId === userId),
        claimedBy: item.claimedBy,
      };
    })
    .sort((a, b) => b.votes - a.votes || a.addedAt.getTime() - b.addedAt.getTime());
}

/** What to offer first when joining: the papers `userId` claimed, then the most wanted free ones. */
export async function queueForJoin(groupId: string, userId: string): Promise<QueueEntry[]> {
  const queue = (await listQueue(groupId, userId)).filter((e) => e.identifier !== null);
  const mine = queue.filter((e) => e.claimedBy?.id === userId);
  const free = queue.filter((e) => e.claimedBy === null).slice(0, 5);
  return [...mine, ...free];
}

/** The papers a meeting's "next paper" answers name, for adding to the queue with one click. */
export async function suggestionsFromMeeting(
  meetingId: string,
  groupId: string,
): Promise<Suggestion[]> {
  const readings = await db.reading.findMany({
    where: { meetingId },
    orderBy: { createdAt: "asc" },
    select: { nextPapers: true, user: { select: { name: true } } },
  });
  const seen = new Set<string>();
  const found: Omit<Suggestion, "known">[] = [];
  for (const r of readings) {
    for (const identifier of findIdentifiers(r.nextPapers)) {
      const text = identifier.kind === "arxiv" ? identifier.id : identifier.doi;
      if (seen.has(text)) continue;
      seen.add(text);
      found.push({ identifier, text, suggestedBy: r.user.name });
    }
  }
  if (found.length === 0) return [];
  const arxivIds = found.flatMap((s) => (s.identifier.kind === "arxiv" ? [s.identifier.id] : []));
  const dois = found.flatMap((s) => (s.identifier.kind === "doi" ? [s.identifier.doi] : []));
  const papers = await db.paper.findMany({
    where: {
      OR: [{ arxivId: { in: arxivIds } }, { doi: { in: dois } }],
      AND: [
        {
          OR: [{ queued: { some: { groupId } } }, { readings: { some: { meeting: { groupId } } } }],
        },
      ],
    },
    select: { arxivId: true, doi: true },
  });
  const known = new Set(papers.flatMap((p) => [p.arxivId, p.doi]).filter(Boolean));
  return found.map((s) => ({ ...s, known: known.has(s.text) }));
}

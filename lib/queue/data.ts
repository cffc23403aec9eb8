// Reading the queue: a group's papers to read later, most wanted first.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { rawDate, rawNumber } from "@/lib/raw-values";
import { showPaper } from "@/lib/papers/display";
import { findIdentifiers } from "@/lib/papers/identifiers";
import type { QueueEntry, Suggestion } from "./schema";

/** The group's queue for `userId` (a member; the caller checked): by votes, then oldest first. */
export async function listQueue(groupId: string, userId: string): Promise<QueueEntry[]> {
  // One statement: the items with who added and claimed them, their papers and their votes.
  const items = await db.$queryRaw<
    {
      id: string;
      createdAt: unknown;
      addedById: string;
      addedByName: string;
      claimedById: string | null;
      claimedByName: string | null;
      title: string;
      authors: string;
      year: unknown;
      url: string | null;
      arxivId: string | null;
      doi: string | null;
      votes: unknown;
      mine: unknown;
    }[]
  >(
    Prisma.sql`SELECT q."id", q."createdAt", q."addedById", a."name" AS "addedByName",
        q."claimedById", c."name" AS "claimedByName",
        p."title", p."authors", p."year", p."url", p."arxivId", p."doi",
        (SELECT COUNT(*) FROM "QueueVote" v WHERE v."itemId" = q."id") AS "votes",
        (SELECT COUNT(*) FROM "QueueVote" v
          WHERE v."itemId" = q."id" AND v."userId" = ${userId}) AS "mine"
      FROM "QueueItem" q
        JOIN "User" a ON a."id" = q."addedById"
        LEFT JOIN "User" c ON c."id" = q."claimedById"
        JOIN "Paper" p ON p."id" = q."paperId"
      WHERE q."groupId" = ${groupId} AND q."readingId" IS NULL
      ORDER BY q."createdAt" ASC, q."id" ASC
      LIMIT 200`,
  );
  return items
    .map((item) => {
      const year = item.year === null ? null : rawNumber(item.year);
      const shown = showPaper({ ...item, year });
      return {
        id: item.id,
        title: shown.title,
        authors: shown.authors,
        year: shown.year,
        href: shown.href,
        identifier: item.arxivId ?? item.doi,
        addedBy: item.addedByName,
        addedByMe: item.addedById === userId,
        addedAt: rawDate(item.createdAt),
        votes: rawNumber(item.votes),
        votedByMe: rawNumber(item.mine) > 0,
        claimedBy:
          item.claimedById === null
            ? null
            : { id: item.claimedById, name: item.claimedByName ?? "" },
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

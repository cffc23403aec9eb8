// The archive: a group's readings, newest first, narrowed by reader, dates, arXiv category, the
// reading queue and a full-text search, a page at a time. The text search runs on the search
// table the migrations keep in step with every write (prisma/*/migrations/*_reading_search):
// FTS5 trigrams on SQLite, pg_trgm on PostgreSQL, and a plain substring check for terms too short
// for trigrams. Every query is scoped to the group.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { showPaper, shownPaperSelect } from "@/lib/papers/display";
import { answerKeys, type AnswerKey } from "@/lib/readings/answers";
import { summarySelect } from "@/lib/readings/data";
import { ftsMatch, likePattern, parseSearchQuery, type SearchTerm } from "./query";

export const ARCHIVE_PAGE_SIZE = 20;
/** Counting stops here: "1,000+ readings" says enough, and a common word costs no more. */
export const COUNT_CAP = 1000;

export type ArchiveFilters = {
  q: string;
  readerId: string | null;
  /** Meetings on or after this instant. */
  from: Date | null;
  /** Meetings before this instant. */
  before: Date | null;
  category: string | null;
  /** Only readings whose paper is in the group's reading queue. */
  queued: boolean;
  page: number;
};

export type ArchiveItem = {
  readingId: string;
  reader: { id: string; name: string };
  meeting: { number: number; title: string; scheduledAt: Date; phase: string };
  paper: { title: string; href: string | null; arxivId: string | null; category: string | null };
  gist: string;
  /** The texts a snippet is cut from, in the order they are looked at. */
  texts: { field: "title" | "gist" | AnswerKey | "abstract"; text: string }[];
};

/** The condition that every term appears in the reading's search document. */
function textCondition(terms: SearchTerm[]): Prisma.Sql {
  // The document is stored in lower case (lower() of the database's locale): terms are lowered
  // the same way, in SQL. LIKE goes through the trigram index; a term too short for trigrams is
  // found with strpos, cheaper than a pattern over every document.
  if (env().databaseProvider === "postgres")
    return Prisma.join(
      terms.map((t) =>
        t.indexed
          ? Prisma.sql`s."doc" LIKE lower(${likePattern(t.text)}) ESCAPE '\\'`
          : Prisma.sql`strpos(s."doc", lower(${t.text})) > 0`,
      ),
      " AND ",
    );
  const parts: Prisma.Sql[] = [];
  const match = ftsMatch(terms);
  if (match !== null)
    parts.push(
      Prisma.sql`s."id" IN (SELECT rowid FROM "ReadingFts" WHERE "ReadingFts" MATCH ${match})`,
    );
  // Too short for trigrams (two kanji, "AI"): looked for in the text, whose ASCII letters are
  // stored in lower case (as SQLite's lower() folds them); other scripts have no case to fold.
  for (const t of terms.filter((x) => !x.indexed))
    parts.push(Prisma.sql`instr(s."doc", ${t.text.replace(/[A-Z]/g, (c) => c.toLowerCase())}) > 0`);
  return Prisma.join(parts, " AND ");
}

export async function searchArchive(
  groupId: string,
  filters: ArchiveFilters,
): Promise<{ total: number; capped: boolean; items: ArchiveItem[]; terms: string[] }> {
  const terms = parseSearchQuery(filters.q);
  // Dates narrow the meetings first (a group holds some dozens a year): the SQL below then
  // never compares dates, which the two databases store differently.
  const meetingIds =
    filters.from || filters.before
      ? (
          await db.meeting.findMany({
            where: {
              groupId,
              scheduledAt: {
                ...(filters.from ? { gte: filters.from } : {}),
                ...(filters.before ? { lt: filters.before } : {}),
              },
            },
            select: { id: true },
          })
        ).map((m) => m.id)
      : null;
  if (meetingIds?.length === 0)
    return { total: 0, capped: false, items: [], terms: terms.map((t) => t.text) };

  // One table: the search row carries the group, meeting, time, reader and paper.
  const conditions: Prisma.Sql[] = [Prisma.sql`s."groupId" = ${groupId}`];
  if (meetingIds) conditions.push(Prisma.sql`s."meetingId" IN (${Prisma.join(meetingIds)})`);
  if (filters.readerId) conditions.push(Prisma.sql`s."userId" = ${filters.readerId}`);
  if (filters.category)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Paper" p WHERE p."id" = s."paperId" AND p."primaryCategory" = ${filters.category})`,
    );
  if (filters.queued)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "QueueItem" q WHERE q."groupId" = s."groupId" AND q."paperId" = s."paperId")`,
    );
  if (terms.length > 0) conditions.push(textCondition(terms));
  const where = Prisma.join(conditions, " AND ");

  const offset = Math.max(0, filters.page - 1) * ARCHIVE_PAGE_SIZE;
  // The page walks the group's readings newest first (an index) and stops at its last row; the
  // count stops at COUNT_CAP (beyond it the archive says "1,000+").
  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT s."readingId" AS id FROM "ReadingSearch" s WHERE ${where}
        ORDER BY s."at" DESC, s."id" ASC LIMIT ${ARCHIVE_PAGE_SIZE} OFFSET ${offset}`,
    ),
    db.$queryRaw<{ n: bigint | number }[]>(
      Prisma.sql`SELECT count(*) AS n FROM (SELECT 1 FROM "ReadingSearch" s WHERE ${where}
        LIMIT ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const total = Number(counted[0]?.n ?? 0);
  const ids = rows.map((r) => r.id);
  const details = ids.length
    ? await db.reading.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          ...summarySelect,
          paperOverrides: true,
          user: { select: { id: true, name: true } },
          meeting: { select: { number: true, title: true, scheduledAt: true, phase: true } },
          paper: { select: { ...shownPaperSelect, abstract: true, primaryCategory: true } },
        },
      })
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const items = ids.flatMap((id): ArchiveItem[] => {
    const d = byId.get(id);
    if (!d) return [];
    const shown = showPaper(d.paper, d.paperOverrides);
    return [
      {
        readingId: d.id,
        reader: d.user,
        meeting: d.meeting,
        paper: {
          title: shown.title,
          href: shown.href,
          arxivId: shown.arxivId,
          category: d.paper.primaryCategory,
        },
        gist: d.gist,
        texts: [
          {
            field: "title",
            text: [shown.title, shown.authors.join(", ")].filter(Boolean).join(" — "),
          },
          { field: "gist", text: d.gist },
          ...answerKeys.map((k) => ({ field: k, text: d[k] })),
          { field: "abstract", text: d.paper.abstract ?? "" },
        ],
      },
    ];
  });
  return {
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
    items,
    terms: terms.map((t) => t.text),
  };
}

/**
 * The archive's filter choices: the group's readers and the arXiv categories it has read, from the
 * search table's rows of the group (its (group, reader) and (group, paper) indexes hold all that is
 * needed). Asked through the models' relations, the database checked every account and every paper
 * of the instance against the group's meetings: 0.5 ms on an instance of one group, 40–60 ms beside
 * 800 accounts of other groups, on every archive page.
 */
export function archiveFacetQueries(groupId: string) {
  return {
    readers: Prisma.sql`SELECT u."id", u."name" FROM "User" u
      WHERE u."id" IN (SELECT s."userId" FROM "ReadingSearch" s WHERE s."groupId" = ${groupId})
      ORDER BY u."name" ASC, u."id" ASC`,
    categories: Prisma.sql`SELECT DISTINCT p."primaryCategory" AS "category" FROM "Paper" p
      WHERE p."primaryCategory" IS NOT NULL
        AND p."id" IN (SELECT s."paperId" FROM "ReadingSearch" s WHERE s."groupId" = ${groupId})
      ORDER BY "category" ASC`,
  };
}

export async function listArchiveFacets(groupId: string) {
  const sql = archiveFacetQueries(groupId);
  const [readers, categories] = await Promise.all([
    db.$queryRaw<{ id: string; name: string }[]>(sql.readers),
    db.$queryRaw<{ category: string }[]>(sql.categories),
  ]);
  return { readers, categories: categories.map((c) => c.category) };
}

import "server-only";
import { db, Prisma } from "@/lib/db";
import { rawDate, rawInstant, rawNumber } from "@/lib/raw-values";
import type { GroupRole } from "@/lib/groups/schema";
import { parseStringList } from "@/lib/ids";
import { countdownSelect, toCountdown } from "@/lib/readings/data";
import { showPaper } from "@/lib/papers/display";
import { listRecapSlides } from "@/lib/recap/data";
import type { BoardState } from "./board";
import type { MeetingPhase } from "./schema";

export type { BoardRow, BoardState } from "./board";

export type MeetingListItem = {
  id: string;
  number: number;
  title: string;
  scheduledAt: Date;
  phase: MeetingPhase;
  readerCount: number;
};

export async function listMeetings(groupId: string): Promise<MeetingListItem[]> {
  const rows = await db.meeting.findMany({
    where: { groupId },
    orderBy: { number: "desc" },
    take: 100,
    select: {
      id: true,
      number: true,
      title: true,
      scheduledAt: true,
      phase: true,
      _count: { select: { readings: true } },
    },
  });
  return rows.map(({ _count, ...m }) => ({ ...m, readerCount: _count.readings }));
}

export type MeetingForMember = {
  id: string;
  number: number;
  title: string;
  scheduledAt: Date;
  phase: MeetingPhase;
  facilitatorId: string;
  facilitatorName: string;
  group: { id: string; name: string; slug: string; readingMinutes: number };
  role: GroupRole;
  /** The board's stamp (getBoardStamp) read in the same statement. */
  boardStamp: string;
};

/**
 * Meeting `number` of the group `slug`, only for a member of that group (null otherwise), with
 * the board's stamp. One statement: every view of a meeting's pages starts here, and through the
 * ORM it took four (the meeting, its facilitator, its group, the membership) and the stamp one more.
 */
export async function getMeetingForMember(
  slug: string,
  number: number,
  userId: string,
): Promise<MeetingForMember | null> {
  const rows = await db.$queryRaw<
    ({
      id: string;
      number: number | bigint;
      title: string;
      scheduledAt: unknown;
      phase: MeetingPhase;
      facilitatorId: string;
      facilitatorName: string;
      groupId: string;
      groupName: string;
      groupSlug: string;
      readingMinutes: number | bigint;
      role: GroupRole;
    } & StampColumns)[]
  >(
    Prisma.sql`SELECT m."id", m."number", m."title", m."scheduledAt", m."phase", m."facilitatorId",
        f."name" AS "facilitatorName", g."id" AS "groupId", g."name" AS "groupName",
        g."slug" AS "groupSlug", g."readingMinutes", ms."role", ${STAMP_COLUMNS}
      FROM "Meeting" m
        JOIN "Group" g ON g."id" = m."groupId"
        JOIN "Membership" ms ON ms."groupId" = g."id" AND ms."userId" = ${userId}
        JOIN "User" f ON f."id" = m."facilitatorId"
      WHERE g."slug" = ${slug} AND m."number" = ${number}`,
  );
  const m = rows[0];
  if (!m) return null;
  return {
    id: m.id,
    number: rawNumber(m.number),
    title: m.title,
    scheduledAt: rawDate(m.scheduledAt),
    phase: m.phase,
    facilitatorId: m.facilitatorId,
    facilitatorName: m.facilitatorName,
    group: {
      id: m.groupId,
      name: m.groupName,
      slug: m.groupSlug,
      readingMinutes: rawNumber(m.readingMinutes),
    },
    role: m.role,
    boardStamp: boardStamp(m),
  };
}

/** The meeting's id when `userId` is a member of its group (for the live-event route). */
export async function getMeetingIdForMember(
  meetingId: string,
  userId: string,
): Promise<string | null> {
  const m = await db.meeting.findFirst({
    where: { id: meetingId, group: { memberships: { some: { userId } } } },
    select: { id: true },
  });
  return m?.id ?? null;
}

/**
 * Everything the meeting's live screens show: the readers' countdowns and progress, the recap's
 * state and, during the recap, each reader's slide. The caller has checked membership.
 */
export async function getBoard(meetingId: string): Promise<BoardState | null> {
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      phase: true,
      facilitatorId: true,
      recapOrder: true,
      recapIndex: true,
      presenterStartedAt: true,
      presenterPausedAt: true,
      presenterPausedMs: true,
      recapRevision: true,
      group: { select: { recapSoftSeconds: true, recapHardSeconds: true } },
      readings: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          userId: true,
          ...countdownSelect,
          answered: true,
          presentedMs: true,
          user: { select: { name: true } },
          paperId: true,
          paperOverrides: true,
          paper: {
            select: { title: true, authors: true, year: true, url: true, arxivId: true, doi: true },
          },
        },
      },
    },
  });
  if (!m) return null;
  // Readers who read their paper in an earlier meeting (the rule is a paper never read before).
  // Two lists rather than one condition per reader: a 50-reader board would otherwise make a
  // query of 50 OR-ed pairs, costly to build on every page view. Pairs are matched below.
  const earlier =
    m.readings.length === 0
      ? []
      : await db.reading.findMany({
          where: {
            meetingId: { not: meetingId },
            userId: { in: [...new Set(m.readings.map((r) => r.userId))] },
            paperId: { in: [...new Set(m.readings.map((r) => r.paperId))] },
          },
          select: { userId: true, paperId: true },
        });
  const reread = new Set(earlier.map((r) => `${r.userId} ${r.paperId}`));
  return {
    recap: {
      order: parseStringList(m.recapOrder),
      index: m.recapIndex,
      startedAt: m.presenterStartedAt?.getTime() ?? null,
      pausedAt: m.presenterPausedAt?.getTime() ?? null,
      pausedMs: m.presenterPausedMs,
      revision: m.recapRevision,
      softSeconds: m.group.recapSoftSeconds,
      hardSeconds: m.group.recapHardSeconds,
      presentedMs: Object.fromEntries(
        m.readings.filter((r) => r.presentedMs !== null).map((r) => [r.id, r.presentedMs!]),
      ),
    },
    meetingId: m.id,
    phase: m.phase,
    facilitatorId: m.facilitatorId,
    rows: m.readings.map((r) => {
      const shown = showPaper(r.paper, r.paperOverrides);
      return {
        readingId: r.id,
        userId: r.userId,
        name: r.user.name,
        paperTitle: shown.title,
        paperHref: shown.href,
        paperPdf: shown.pdfHref,
        paperHtml: shown.htmlHref,
        countdown: toCountdown(r),
        answered: r.answered,
        reread: reread.has(`${r.userId} ${r.paperId}`),
      };
    }),
    // The presenter screen and remote show the readers' current answers, live.
    slides: m.phase === "RECAP" ? await listRecapSlides(meetingId) : [],
  };
}

export function listGroupMembersForFacilitation(groupId: string) {
  return db.membership.findMany({
    where: { groupId },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true } } },
  });
}

export type PaperHistory = {
  /** The caller's own earlier readings of the paper (any group; linked where they still belong). */
  mine: { groupName: string; path: string | null; number: number; at: Date }[];
  /** Other members of this meeting's group who read it. */
  others: { name: string; path: string; number: number; at: Date }[];
};

/**
 * Who already read a paper, for the "never read before" rule: the caller anywhere, and the rest
 * of the meeting's group. The caller's membership of that group is checked by the caller.
 */
export async function paperHistory(
  userId: string,
  meetingId: string,
  paperId: string,
): Promise<PaperHistory> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { groupId: true },
  });
  if (!meeting) return { mine: [], others: [] };
  const select = {
    userId: true,
    user: { select: { name: true } },
    meeting: {
      select: {
        id: true,
        number: true,
        scheduledAt: true,
        groupId: true,
        group: { select: { name: true, slug: true } },
      },
    },
  } as const;
  const [mine, others, memberships] = await Promise.all([
    db.reading.findMany({
      where: { userId, paperId, meetingId: { not: meetingId } },
      orderBy: { createdAt: "desc" },
      take: 10,
      select,
    }),
    db.reading.findMany({
      where: { paperId, userId: { not: userId }, meeting: { groupId: meeting.groupId } },
      orderBy: { createdAt: "desc" },
      take: 10,
      select,
    }),
    db.membership.findMany({ where: { userId }, select: { groupId: true } }),
  ]);
  const memberOf = new Set(memberships.map((m) => m.groupId));
  const path = (m: (typeof mine)[number]["meeting"]) =>
    `/groups/${m.group.slug}/meetings/${m.number}`;
  return {
    mine: mine.map((r) => ({
      groupName: r.meeting.group.name,
      path: memberOf.has(r.meeting.groupId) ? path(r.meeting) : null,
      number: r.meeting.number,
      at: r.meeting.scheduledAt,
    })),
    others: others.map((r) => ({
      name: r.user.name,
      path: path(r.meeting),
      number: r.meeting.number,
      at: r.meeting.scheduledAt,
    })),
  };
}

/**
 * What changes whenever a meeting's board can: the meeting row's and its readings' last change
 * and the readings' count. A board built under the same stamp is still the board, however it was
 * written (through this app on any instance, a script, a restore).
 */
export async function getBoardStamp(meetingId: string): Promise<string> {
  // One statement (a page view checks it on every request), the same columns as the meeting read.
  const rows = await db.$queryRaw<StampColumns[]>(
    Prisma.sql`SELECT ${STAMP_COLUMNS} FROM "Meeting" m WHERE m."id" = ${meetingId}`,
  );
  return rows[0] ? boardStamp(rows[0]) : "gone";
}

/**
 * The stamp's columns of the meeting aliased `m`, in one place for every statement that reads
 * them: its own change, its readings' last change and their count.
 */
const STAMP_COLUMNS = Prisma.sql`m."updatedAt" AS "stampMeetingAt",
  (SELECT MAX(r."updatedAt") FROM "Reading" r WHERE r."meetingId" = m."id") AS "stampReadingsAt",
  (SELECT COUNT(*) FROM "Reading" r WHERE r."meetingId" = m."id") AS "stampReadings"`;

type StampColumns = {
  stampMeetingAt: unknown;
  stampReadingsAt: unknown;
  stampReadings: number | bigint;
};

function boardStamp(row: StampColumns): string {
  return [
    rawInstant(row.stampMeetingAt),
    rawInstant(row.stampReadingsAt),
    rawNumber(row.stampReadings),
  ].join(":");
}

import "server-only";
import { db } from "@/lib/db";
import type { CountdownState } from "./countdown";
import { pickSummary, summaryFields } from "./summary";
import { parseSnapshot } from "./snapshot";
import { answeredCount } from "./schema";
import { showPaper, shownPaperSelect } from "@/lib/papers/display";

export function toCountdown(r: {
  startedAt: Date | null;
  durationMs: number;
  pausedMs: number;
  pausedAt: Date | null;
  finishedAt: Date | null;
}): CountdownState {
  return {
    startedAt: r.startedAt?.getTime() ?? null,
    durationMs: r.durationMs,
    pausedMs: r.pausedMs,
    pausedAt: r.pausedAt?.getTime() ?? null,
    finishedAt: r.finishedAt?.getTime() ?? null,
  };
}

export const countdownSelect = {
  startedAt: true,
  durationMs: true,
  pausedMs: true,
  pausedAt: true,
  finishedAt: true,
  timeUpAt: true,
} as const;

export const summarySelect = Object.fromEntries(summaryFields.map((f) => [f, true])) as Record<
  (typeof summaryFields)[number],
  true
>;

/** The reader's own reading, with what the summary form needs; null for anyone else. */
/**
 * The reading, only for its reader and only while they are still a member of its group: someone
 * removed from a group can no longer read or write their summary there.
 */
export function ownReadingWhere(readingId: string, userId: string, sessionVersion?: number | null) {
  return {
    id: readingId,
    userId,
    meeting: { group: { memberships: { some: { userId } } } },
    // A session from before the reader's last password change writes nothing.
    ...(sessionVersion !== undefined && sessionVersion !== null
      ? { user: { sessionVersion } }
      : {}),
  };
}

export async function getOwnReading(readingId: string, userId: string) {
  const r = await db.reading.findFirst({
    where: ownReadingWhere(readingId, userId),
    select: {
      id: true,
      version: true,
      lastSavedAt: true,
      timeUpSnapshot: true,
      ...summarySelect,
      ...countdownSelect,
    },
  });
  if (!r) return null;
  return {
    id: r.id,
    version: r.version,
    lastSavedAt: r.lastSavedAt,
    summary: pickSummary(r),
    snapshot: parseSnapshot(r.timeUpSnapshot),
    countdown: toCountdown(r),
    timeUpAt: r.timeUpAt,
  };
}

export async function listRevisions(readingId: string, userId: string) {
  const rows = await db.readingRevision.findMany({
    where: { readingId, reading: ownReadingWhere(readingId, userId) },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: { id: true, version: true, updatedAt: true, content: true },
  });
  return rows.map((r) => {
    const s = parseSnapshot(r.content);
    return {
      id: r.id,
      version: r.version,
      savedAt: r.updatedAt,
      answered: s ? answeredCount(s) : 0,
      summary: s,
    };
  });
}

/**
 * A reading's paper for the reading room, for any member of the meeting's group (a facilitator may
 * open a reader's paper too): what to fetch its PDF from and what to call it. Null otherwise.
 */
export async function getReadingPaperForMember(readingId: string, userId: string) {
  const r = await db.reading.findFirst({
    where: { id: readingId, meeting: { group: { memberships: { some: { userId } } } } },
    select: {
      paperOverrides: true,
      paper: {
        select: { ...shownPaperSelect, arxivVersion: true },
      },
    },
  });
  if (!r) return null;
  return { ...showPaper(r.paper, r.paperOverrides), arxivVersion: r.paper.arxivVersion };
}

const imageSelect = { id: true, mime: true, bytes: true, size: true } as const;

/**
 * An image in a reading's answers, for a member of the reading's group whose session is current
 * (`sessionVersion`: signed in since their last password change); null for anyone else.
 */
export function getImageForMember(imageId: string, userId: string, sessionVersion: number) {
  return db.readingImage.findFirst({
    where: {
      id: imageId,
      reading: {
        meeting: {
          group: { memberships: { some: { userId, user: { sessionVersion } } } },
        },
      },
    },
    select: imageSelect,
  });
}

/** An image in the minutes published under `token` (anyone with the link sees those). */
export function getImageForPublishedMinutes(imageId: string, token: string) {
  return db.readingImage.findFirst({
    where: { id: imageId, reading: { meeting: { minutesToken: token } } },
    select: imageSelect,
  });
}

/** The images of a meeting's readings among `ids` (those its answers refer to), for exports. */
export function listMeetingImages(meetingId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.readingImage.findMany({
    where: { id: { in: ids }, reading: { meetingId } },
    select: imageSelect,
  });
}

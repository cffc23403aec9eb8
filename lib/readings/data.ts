import "server-only";
import { db } from "@/lib/db";
import type { CountdownState } from "./countdown";
import { parseSnapshot, pickSummary, summaryFields } from "./summary";
import { answeredCount } from "./schema";

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
export async function getOwnReading(readingId: string, userId: string) {
  const r = await db.reading.findFirst({
    where: { id: readingId, userId },
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
    where: { readingId, reading: { userId } },
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

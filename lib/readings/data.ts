import "server-only";
import { db } from "@/lib/db";
import { countdownSelect, toCountdown } from "@/lib/meetings/data";
import { parseSnapshot, pickSummary, summaryFields } from "./summary";
import { answeredCount } from "@/lib/meetings/schema";

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

// Summary writes: the autosave (a three-way merge on a version number), the time-up snapshot and
// the revision history. Only the reader writes their own reading.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { countdownSelect, toCountdown } from "@/lib/meetings/data";
import { timeUpMoment } from "./countdown";
import {
  mergeChanges,
  parseSnapshot,
  pickSummary,
  type Conflict,
  type SaveRequest,
  type Summary,
} from "./summary";
import { summarySelect } from "./data";
import { answeredCount } from "@/lib/meetings/schema";
import { meetingTopic, publish } from "@/lib/live/bus";

type Tx = Prisma.TransactionClient;

const REVISION_EVERY_MS = 60_000;
const REVISIONS_KEPT = 100;

export type SaveResult = {
  version: number;
  summary: Summary;
  conflicts: Conflict[];
  savedAt: number;
  /** The answers at time-up, once time is up (edits after it show as late). */
  snapshot: Summary | null;
};

/**
 * Keeps the time-up snapshot: the answers as they were when time ran out, before any later edit.
 * Returns the snapshot once time is up, null before.
 */
async function settleSnapshot(
  tx: Tx,
  r: { id: string; timeUpSnapshot: string | null; timeUpAt: Date | null } & Parameters<
    typeof toCountdown
  >[0] &
    Summary,
  now: number,
): Promise<Summary | null> {
  if (r.timeUpSnapshot !== null) return parseSnapshot(r.timeUpSnapshot);
  const moment = timeUpMoment(toCountdown(r), now);
  if (moment === null) return null;
  const snapshot = pickSummary(r);
  await tx.reading.updateMany({
    where: { id: r.id, timeUpSnapshot: null },
    data: { timeUpSnapshot: JSON.stringify(snapshot), timeUpAt: r.timeUpAt ?? new Date(moment) },
  });
  return snapshot;
}

export async function settleSnapshotFor(readingId: string, now: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const r = await tx.reading.findUnique({
      where: { id: readingId },
      select: { id: true, timeUpSnapshot: true, ...summarySelect, ...countdownSelect },
    });
    if (r) await settleSnapshot(tx, r, now);
  });
}

async function recordRevision(
  tx: Tx,
  readingId: string,
  version: number,
  summary: Summary,
  now: number,
) {
  const last = await tx.readingRevision.findFirst({
    where: { readingId },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true },
  });
  const content = JSON.stringify(summary);
  if (last && now - last.createdAt.getTime() < REVISION_EVERY_MS) {
    await tx.readingRevision.update({
      where: { id: last.id },
      data: { version, content },
      select: { id: true },
    });
    return;
  }
  await tx.readingRevision.create({
    data: { readingId, version, content, createdAt: new Date(now) },
    select: { id: true },
  });
  if (version % 20 === 0) {
    const old = await tx.readingRevision.findMany({
      where: { readingId },
      orderBy: { createdAt: "desc" },
      skip: REVISIONS_KEPT,
      select: { id: true },
    });
    if (old.length)
      await tx.readingRevision.deleteMany({ where: { id: { in: old.map((o) => o.id) } } });
  }
}

/**
 * Applies an autosave from the reader. The merge is against what the server has now, so a save
 * based on an older version (another tab or device) only applies where nobody else changed the
 * same answer; the rest comes back as conflicts with both texts.
 */
export async function saveSummary(
  userId: string,
  readingId: string,
  request: SaveRequest,
  now: number,
): Promise<SaveResult> {
  for (let attempt = 0; attempt < 5; attempt++) {
    let boardChanged: string | null = null;
    const result = await db.$transaction(async (tx): Promise<SaveResult | null> => {
      const r = await tx.reading.findFirst({
        where: { id: readingId, userId },
        select: {
          id: true,
          meetingId: true,
          version: true,
          timeUpSnapshot: true,
          meeting: { select: { phase: true } },
          ...summarySelect,
          ...countdownSelect,
        },
      });
      if (!r) throw new AppError("NOT_FOUND", "No such reading.");
      if (r.meeting.phase === "CLOSED")
        throw new AppError("CONFLICT", "The meeting is closed; its summaries are read-only.");
      if (request.baseVersion > r.version)
        throw new AppError("INVALID_INPUT", "baseVersion is newer than the saved version.");
      const snapshot = await settleSnapshot(tx, r, now);
      const server = pickSummary(r);
      const { apply, conflicts } = mergeChanges(server, request.changes);
      if (Object.keys(apply).length === 0) {
        return { version: r.version, summary: server, conflicts, savedAt: now, snapshot };
      }
      const version = r.version + 1;
      // Applies only over the version just read; a concurrent save makes this one retry.
      const { count } = await tx.reading.updateMany({
        where: { id: r.id, version: r.version },
        data: { ...apply, version, lastSavedAt: new Date(now) },
      });
      if (count === 0) return null;
      const summary = { ...server, ...apply };
      await recordRevision(tx, r.id, version, summary, now);
      if (answeredCount(summary) !== answeredCount(server)) boardChanged = r.meetingId;
      return { version, summary, conflicts, savedAt: now, snapshot };
    });
    // The facilitator's board shows how many answers are filled: tell it when that changes.
    if (boardChanged) await publish(meetingTopic(boardChanged), { type: "changed" });
    if (result) return result;
  }
  throw new AppError(
    "CONFLICT",
    "The reading is being saved from several places at once; try again.",
  );
}

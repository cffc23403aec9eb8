// Reading writes: the countdown's commands, the autosave (a three-way merge on a version number),
// the time-up snapshot and the revision history. Only the reader writes their own reading.
import "server-only";
import { db } from "@/lib/db";
import { AppError, type Failure } from "@/lib/errors";
import { meetingActor, publishMeetingChange } from "@/lib/groups/access";
import * as countdown from "./countdown";
import { pickSummary, summaryFields, type Summary, type SummaryField } from "./summary";
import { IMAGE_MAX_BYTES, imageIdsIn, imageTypeOf } from "./images";
import { parseSnapshot } from "./snapshot";
import { mergeChanges, type SaveRequest, type SaveResult } from "./autosave";
import { countdownSelect, ownReadingWhere, summarySelect, toCountdown } from "./data";
import { answeredCount, type ReadingFailureReason } from "./schema";

const REVISION_EVERY_MS = 60_000;
export const REVISIONS_KEPT = 100;

// How many applied saves a reading remembers, so that their retries are recognised. A browser has
// at most one save on its way per tab, so this covers many tabs retrying at once.
const SAVES_REMEMBERED = 16;

/** An applied save: its id and the answers it left in conflict. */
type Receipt = { id: string; c: SummaryField[] };

function parseReceipts(json: string): Receipt[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? (list as Receipt[]) : [];
  } catch {
    return [];
  }
}

export type SaveOutcome =
  { ok: true; result: SaveResult } | { ok: false; reason: "meetingClosed" | "busy" };

/**
 * Keeps the time-up snapshot: the answers as they were when time ran out, before any later edit.
 * A conditional update, so racing requests record it once. Returns the snapshot once time is up.
 */
async function settleSnapshot(
  r: { id: string; timeUpSnapshot: string | null; timeUpAt: Date | null } & Parameters<
    typeof toCountdown
  >[0] &
    Summary,
  now: number,
): Promise<Summary | null> {
  if (r.timeUpSnapshot !== null) return parseSnapshot(r.timeUpSnapshot);
  const moment = countdown.timeUpMoment(toCountdown(r), now);
  if (moment === null) return null;
  const snapshot = pickSummary(r);
  const { count } = await db.reading.updateMany({
    where: { id: r.id, timeUpSnapshot: null },
    data: { timeUpSnapshot: JSON.stringify(snapshot), timeUpAt: r.timeUpAt ?? new Date(moment) },
  });
  if (count === 1) return snapshot;
  // Someone else recorded it a moment ago: theirs is the one.
  const saved = await db.reading.findUnique({
    where: { id: r.id },
    select: { timeUpSnapshot: true },
  });
  return parseSnapshot(saved?.timeUpSnapshot ?? null);
}

/**
 * Whether a save removes most of an answer (an accidental select-all and delete looks like this):
 * the text before it is kept as a revision even within the minute.
 */
export function isBigDeletion(before: Summary, after: Partial<Summary>): boolean {
  return (Object.keys(after) as (keyof Summary)[]).some((f) => {
    const was = before[f].length;
    return was >= 20 && (after[f] ?? "").length < was / 2;
  });
}

/**
 * Applies an autosave from the reader. The merge is against what the server has now, so a save
 * based on an older version (another tab or device) only applies where nobody else changed the
 * same answer; the rest comes back as conflicts with both texts.
 *
 * No interactive transaction: the write is one conditional update on the version just read, so a
 * concurrent save makes this one re-read and merge again. History costs a write only when a new
 * minute starts (the previous minute's last state is kept) or before a big deletion.
 */
export async function saveSummary(
  userId: string,
  readingId: string,
  request: SaveRequest,
  now: number,
  options: { sessionVersion?: number | null } = {},
): Promise<SaveOutcome> {
  for (let attempt = 0; attempt < 20; attempt++) {
    // Lost a race with another save of the same reading: wait a moment, then merge again.
    if (attempt > 0)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    const r = await db.reading.findFirst({
      where: ownReadingWhere(readingId, userId, options.sessionVersion),
      select: {
        id: true,
        meetingId: true,
        version: true,
        timeUpSnapshot: true,
        revisedAt: true,
        recentSaves: true,
        ...summarySelect,
        ...countdownSelect,
      },
    });
    if (!r) throw new AppError("NOT_FOUND", "No such reading.");
    const server = pickSummary(r);
    const receipts = parseReceipts(r.recentSaves);
    const applied = receipts.find((x) => x.id === request.saveId);
    if (applied) {
      // A retry of a save already applied (its answer was lost on the way): answer with what is
      // saved now, and the conflicts it had then, instead of merging it a second time.
      const conflicts = applied.c
        .filter((f) => request.changes[f] && server[f] !== request.changes[f]!.value)
        .map((field) => ({ field, mine: request.changes[field]!.value, theirs: server[field] }));
      const snapshot = parseSnapshot(r.timeUpSnapshot);
      return {
        ok: true,
        result: { version: r.version, summary: server, conflicts, savedAt: now, snapshot },
      };
    }
    if (request.baseVersion > r.version)
      throw new AppError("INVALID_INPUT", "baseVersion is newer than the saved version.");
    const snapshot = await settleSnapshot(r, now);
    const { apply, conflicts } = mergeChanges(server, request.changes);
    if (Object.keys(apply).length === 0) {
      return {
        ok: true,
        result: { version: r.version, summary: server, conflicts, savedAt: now, snapshot },
      };
    }
    const version = r.version + 1;
    const summary = { ...server, ...apply };
    const newMinute = r.revisedAt === null || now - r.revisedAt.getTime() >= REVISION_EVERY_MS;
    const keepBefore = r.version > 0 && (newMinute || isBigDeletion(server, apply));
    const receipt: Receipt = { id: request.saveId, c: conflicts.map((c) => c.field) };
    // One statement: applies only over the version just read, and never to a closed meeting.
    const { count } = await db.reading.updateMany({
      where: { id: r.id, version: r.version, meeting: { phase: { not: "CLOSED" } } },
      data: {
        ...apply,
        version,
        lastSavedAt: new Date(now),
        answered: answeredCount(summary),
        recentSaves: JSON.stringify([...receipts.slice(1 - SAVES_REMEMBERED), receipt]),
        ...(keepBefore || r.revisedAt === null ? { revisedAt: new Date(now) } : {}),
      },
    });
    // Another save got in first, or the meeting closed meanwhile: read again and decide anew.
    if (count === 0) {
      const meeting = await db.meeting.findUnique({
        where: { id: r.meetingId },
        select: { phase: true },
      });
      if (meeting?.phase === "CLOSED") return { ok: false, reason: "meetingClosed" };
      continue;
    }
    if (keepBefore) await recordRevision(r.id, r.version, server, now);
    // The facilitator's board shows how many answers are filled, the recap screen the answers:
    // the live read model decides whether this save changes what they show.
    await publishMeetingChange(r.meetingId, {
      type: "answers",
      counted: answeredCount(summary) !== answeredCount(server),
    });
    return { ok: true, result: { version, summary, conflicts, savedAt: now, snapshot } };
  }
  return { ok: false, reason: "busy" };
}

async function recordRevision(readingId: string, version: number, summary: Summary, now: number) {
  await db.readingRevision.create({
    data: { readingId, version, content: JSON.stringify(summary), createdAt: new Date(now) },
    select: { id: true },
  });
  // Keep the newest REVISIONS_KEPT after every insert, so the history stays bounded.
  const old = await db.readingRevision.findMany({
    where: { readingId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: REVISIONS_KEPT,
    select: { id: true },
  });
  if (old.length)
    await db.readingRevision.deleteMany({ where: { id: { in: old.map((o) => o.id) } } });
}

export type ReadingCommand = "start" | "pause" | "resume" | "finish" | "extend";
export type ReadingFailure = Failure<ReadingFailureReason>;

/** Applies one countdown command to the actor's own reading in a meeting. */
export async function controlReading(
  userId: string,
  meetingId: string,
  command: ReadingCommand,
  now: number,
  extendMs = countdown.EXTENSION_MS,
): Promise<{ ok: true } | ReadingFailure> {
  const result = await db.$transaction(async (tx): Promise<{ ok: true } | ReadingFailure> => {
    const meeting = await meetingActor(tx, meetingId, userId);
    const reading = await tx.reading.findUnique({
      where: { meetingId_userId: { meetingId, userId } },
      select: { id: true, ...countdownSelect },
    });
    if (!reading) return { ok: false, reason: "notJoined" };
    if (meeting.phase === "CLOSED" || meeting.phase === "RECAP")
      return { ok: false, reason: "meetingOver" };
    const before = toCountdown(reading);
    if (command === "start") before.durationMs = meeting.group.readingMinutes * 60_000;
    const t =
      command === "start"
        ? countdown.start(before, now)
        : command === "pause"
          ? countdown.pause(before, now)
          : command === "resume"
            ? countdown.resume(before, now)
            : command === "finish"
              ? countdown.finish(before, now)
              : countdown.extend(before, extendMs);
    if (!t.ok) return { ok: false, reason: t.error };
    const after = t.state;
    // The update only applies if the countdown is still what we read: a racing request that
    // changed it first makes this one a no-op, reported like the state it ran into.
    const { count } = await tx.reading.updateMany({
      where: {
        id: reading.id,
        startedAt: reading.startedAt,
        pausedAt: reading.pausedAt,
        finishedAt: reading.finishedAt,
        durationMs: reading.durationMs,
      },
      data: {
        startedAt: after.startedAt === null ? null : new Date(after.startedAt),
        pausedAt: after.pausedAt === null ? null : new Date(after.pausedAt),
        pausedMs: after.pausedMs,
        finishedAt: after.finishedAt === null ? null : new Date(after.finishedAt),
        durationMs: after.durationMs,
        // Extending past a time-up reopens the time; a later time-up is recorded anew.
        ...(command === "extend" && countdown.timeUpMoment(after, now) === null
          ? { timeUpAt: null }
          : {}),
      },
    });
    if (count === 0)
      return { ok: false, reason: command === "start" ? "alreadyStarted" : "finished" };
    if (command === "start" && meeting.phase === "PLANNED") {
      await tx.meeting.update({
        where: { id: meetingId },
        data: { phase: "READING", readingStartedAt: new Date(now) },
        select: { id: true },
      });
    }
    return { ok: true };
  });
  if (result.ok) await publishMeetingChange(meetingId);
  return result;
}

export type ImageFailure = "notImage" | "tooLarge" | "meetingClosed";

/**
 * Keeps an image for the reader's own reading: PNG, JPEG, GIF or WebP by its bytes, at most 3 MB,
 * while the meeting is open. The caller has read at most IMAGE_MAX_BYTES + 1 bytes.
 */
export async function addReadingImage(
  userId: string,
  readingId: string,
  bytes: Uint8Array,
): Promise<{ ok: true; id: string } | Failure<ImageFailure>> {
  const reading = await db.reading.findFirst({
    where: ownReadingWhere(readingId, userId),
    select: { id: true, meeting: { select: { phase: true } } },
  });
  if (!reading) throw new AppError("NOT_FOUND", "No such reading.");
  if (reading.meeting.phase === "CLOSED") return { ok: false, reason: "meetingClosed" };
  if (bytes.length > IMAGE_MAX_BYTES) return { ok: false, reason: "tooLarge" };
  const mime = imageTypeOf(bytes);
  if (!mime) return { ok: false, reason: "notImage" };
  const image = await db.readingImage.create({
    data: { readingId, mime, bytes: Buffer.from(bytes), size: bytes.length },
    select: { id: true },
  });
  return { ok: true, id: image.id };
}

export const UNUSED_IMAGE_GRACE_MS = 24 * 60 * 60_000;

/**
 * Deletes images added more than a day ago that nothing of their reading refers to any more: not
 * an answer or the gist, not the time-up snapshot, not a kept revision (a restore could bring the
 * reference back). Returns how many went.
 */
export async function deleteUnusedImages(now: Date, batch = 500): Promise<number> {
  const old = await db.readingImage.findMany({
    where: { createdAt: { lt: new Date(now.getTime() - UNUSED_IMAGE_GRACE_MS) } },
    orderBy: { createdAt: "asc" },
    take: batch,
    select: { id: true, readingId: true },
  });
  if (old.length === 0) return 0;
  const readingIds = [...new Set(old.map((i) => i.readingId))];
  const readings = await db.reading.findMany({
    where: { id: { in: readingIds } },
    select: {
      id: true,
      timeUpSnapshot: true,
      ...summarySelect,
      revisions: { select: { content: true } },
    },
  });
  const used = new Set<string>();
  for (const r of readings) {
    const texts = [
      ...summaryFields.map((f) => r[f]),
      r.timeUpSnapshot ?? "",
      ...r.revisions.map((v) => v.content),
    ];
    for (const text of texts) for (const id of imageIdsIn(text)) used.add(id);
  }
  const unused = old.filter((i) => !used.has(i.id)).map((i) => i.id);
  if (unused.length === 0) return 0;
  const { count } = await db.readingImage.deleteMany({ where: { id: { in: unused } } });
  return count;
}

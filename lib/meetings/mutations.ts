// Meeting and reading writes. Each checks the actor's rights itself, decides with the server's
// clock, and applies countdown transitions as conditional updates, so two racing requests (two
// tabs, a double click) can never both succeed. Live events go out after the write commits.
import "server-only";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publish, meetingTopic } from "@/lib/live/bus";
import * as countdown from "@/lib/readings/countdown";
import { countdownSelect, parseStringList, toCountdown } from "./data";
import * as recap from "@/lib/recap/recap";
import type { PaperInput } from "./schema";
import type { GroupRole } from "@/lib/groups/schema";
import { settleSnapshotFor } from "@/lib/readings/mutations";

type Tx = Prisma.TransactionClient;

export type Failure<R extends string> = { ok: false; reason: R };

function changed(meetingId: string) {
  return publish(meetingTopic(meetingId), { type: "changed" });
}

async function membershipRole(tx: Tx, groupId: string, userId: string): Promise<GroupRole> {
  const m = await tx.membership.findUnique({
    where: { groupId_userId: { groupId, userId } },
    select: { role: true },
  });
  if (!m) throw new AppError("NOT_FOUND");
  return m.role;
}

/** The meeting, for a member of its group; with whether the actor may drive it. */
async function meetingForActor(tx: Tx, meetingId: string, userId: string) {
  const meeting = await tx.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      groupId: true,
      phase: true,
      facilitatorId: true,
      group: { select: { readingMinutes: true } },
    },
  });
  if (!meeting) throw new AppError("NOT_FOUND");
  const role = await membershipRole(tx, meeting.groupId, userId);
  const canDrive = meeting.facilitatorId === userId || role === "OWNER" || role === "ADMIN";
  return { ...meeting, role, canDrive };
}

export async function createMeeting(
  userId: string,
  groupId: string,
  input: { scheduledAt: Date; title: string; startNow?: boolean },
): Promise<{ number: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await membershipRole(tx, groupId, userId);
        const last = await tx.meeting.findFirst({
          where: { groupId },
          orderBy: { number: "desc" },
          select: { number: true },
        });
        const number = (last?.number ?? 0) + 1;
        await tx.meeting.create({
          data: {
            groupId,
            number,
            title: input.title,
            scheduledAt: input.scheduledAt,
            facilitatorId: userId,
            ...(input.startNow
              ? { phase: "READING" as const, readingStartedAt: input.scheduledAt }
              : {}),
          },
          select: { id: true },
        });
        return { number };
      });
    } catch (error) {
      // Two meetings created at once race for the same number: take the next one.
      const unique =
        error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!unique || attempt >= 4) throw error;
    }
  }
}

async function findOrCreatePaper(tx: Tx, input: PaperInput): Promise<string> {
  const data = {
    title: input.title,
    authors: JSON.stringify(input.authors),
    year: input.year ?? null,
    url: input.url ?? null,
    arxivId: input.arxivId?.id ?? null,
    arxivVersion: input.arxivId?.version ?? null,
    doi: input.doi ?? null,
  };
  const existing = input.arxivId
    ? await tx.paper.findUnique({ where: { arxivId: input.arxivId.id }, select: { id: true } })
    : input.doi
      ? await tx.paper.findUnique({ where: { doi: input.doi }, select: { id: true } })
      : null;
  if (existing) return existing.id;
  const paper = await tx.paper.create({ data, select: { id: true } });
  return paper.id;
}

export type JoinFailure = Failure<"closed" | "alreadyJoined">;

export async function joinMeeting(
  userId: string,
  meetingId: string,
  paper: PaperInput,
): Promise<{ ok: true } | JoinFailure> {
  const result = await db.$transaction(async (tx): Promise<{ ok: true } | JoinFailure> => {
    const meeting = await meetingForActor(tx, meetingId, userId);
    if (meeting.phase === "CLOSED") return { ok: false, reason: "closed" };
    const existing = await tx.reading.findUnique({
      where: { meetingId_userId: { meetingId, userId } },
      select: { id: true },
    });
    if (existing) return { ok: false, reason: "alreadyJoined" };
    const paperId = await findOrCreatePaper(tx, paper);
    const reading = await tx.reading.create({
      data: { meetingId, userId, paperId, durationMs: meeting.group.readingMinutes * 60_000 },
      select: { id: true },
    });
    // A late joiner in the recap presents last.
    if (meeting.phase === "RECAP") {
      const m = await tx.meeting.findUniqueOrThrow({
        where: { id: meetingId },
        select: { recapOrder: true },
      });
      await tx.meeting.update({
        where: { id: meetingId },
        data: { recapOrder: JSON.stringify([...parseStringList(m.recapOrder), reading.id]) },
        select: { id: true },
      });
    }
    return { ok: true };
  });
  if (result.ok) await changed(meetingId);
  return result;
}

export type ReadingCommand = "start" | "pause" | "resume" | "finish" | "extend";
export type ReadingFailure = Failure<countdown.TransitionError | "notJoined" | "meetingOver">;

/** Applies one countdown command to the actor's own reading in a meeting. */
export async function controlReading(
  userId: string,
  meetingId: string,
  command: ReadingCommand,
  now: number,
  extendMs = countdown.EXTENSION_MS,
): Promise<{ ok: true } | ReadingFailure> {
  const result = await db.$transaction(async (tx): Promise<{ ok: true } | ReadingFailure> => {
    const meeting = await meetingForActor(tx, meetingId, userId);
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
  if (result.ok) await changed(meetingId);
  return result;
}

/** Records time-up (and the time-up snapshot) for every reading whose time has run out by `now`. */
export async function settleTimeUps(meetingId: string, now: number): Promise<void> {
  const open = await db.reading.findMany({
    where: { meetingId, timeUpSnapshot: null, startedAt: { not: null } },
    select: { id: true, ...countdownSelect },
  });
  for (const r of open) {
    if (countdown.timeUpMoment(toCountdown(r), now) !== null) await settleSnapshotFor(r.id, now);
  }
}

export type PhaseFailure = Failure<"forbidden" | "wrongPhase" | "readersStillReading"> & {
  count?: number;
};

/**
 * Runs a facilitator's change (the facilitator, an admin or an owner only) in a transaction, then
 * tells the meeting's live screens when it went through.
 */
async function drive<T extends { ok: boolean }>(
  userId: string,
  meetingId: string,
  fn: (tx: Tx, meeting: Awaited<ReturnType<typeof meetingForActor>>) => Promise<T>,
): Promise<T> {
  const result = await db.$transaction(async (tx) => {
    const meeting = await meetingForActor(tx, meetingId, userId);
    if (!meeting.canDrive) throw new AppError("FORBIDDEN");
    return fn(tx, meeting);
  });
  if (result.ok) await changed(meetingId);
  return result;
}

/** "Everyone starts now": every joined reader who has not started starts at the same moment. */
export async function startEveryone(
  userId: string,
  meetingId: string,
  now: number,
): Promise<{ ok: true; started: number } | PhaseFailure> {
  const result = await drive(
    userId,
    meetingId,
    async (tx, meeting): Promise<{ ok: true; started: number } | PhaseFailure> => {
      if (meeting.phase !== "PLANNED" && meeting.phase !== "READING")
        return { ok: false, reason: "wrongPhase" };
      const { count } = await tx.reading.updateMany({
        where: { meetingId, startedAt: null },
        data: { startedAt: new Date(now), durationMs: meeting.group.readingMinutes * 60_000 },
      });
      if (meeting.phase === "PLANNED") {
        await tx.meeting.update({
          where: { id: meetingId },
          data: { phase: "READING", readingStartedAt: new Date(now) },
          select: { id: true },
        });
      }
      return { ok: true, started: count };
    },
  );
  return result;
}

/** Moves to recap; while readers are still inside their time it asks for `confirm` first. */
export async function moveToRecap(
  userId: string,
  meetingId: string,
  now: number,
  confirm: boolean,
): Promise<{ ok: true } | PhaseFailure> {
  const result = await drive(
    userId,
    meetingId,
    async (tx, meeting): Promise<{ ok: true } | PhaseFailure> => {
      if (meeting.phase !== "PLANNED" && meeting.phase !== "READING")
        return { ok: false, reason: "wrongPhase" };
      const running = await tx.reading.findMany({
        where: { meetingId, startedAt: { not: null }, finishedAt: null },
        select: { id: true, ...countdownSelect },
      });
      const inTime = running.filter((r) => countdown.remainingMs(toCountdown(r), now) > 0).length;
      if (inTime > 0 && !confirm)
        return { ok: false, reason: "readersStillReading", count: inTime };
      for (const r of running) {
        const t = countdown.finish(toCountdown(r), now);
        if (!t.ok) continue;
        await tx.reading.update({
          where: { id: r.id },
          data: { finishedAt: new Date(now), pausedAt: null, pausedMs: t.state.pausedMs },
          select: { id: true },
        });
      }
      const readers = await tx.reading.findMany({
        where: { meetingId },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      });
      await tx.meeting.update({
        where: { id: meetingId },
        data: {
          phase: "RECAP",
          recapStartedAt: new Date(now),
          recapOrder: JSON.stringify(readers.map((r) => r.id)),
          recapIndex: 0,
          presenterStartedAt: null,
          presenterPausedAt: null,
          presenterPausedMs: 0,
        },
        select: { id: true },
      });
      return { ok: true };
    },
  );
  return result;
}

export async function closeMeeting(
  userId: string,
  meetingId: string,
  now: number,
): Promise<{ ok: true } | PhaseFailure> {
  const result = await drive(
    userId,
    meetingId,
    async (tx, meeting): Promise<{ ok: true } | PhaseFailure> => {
      if (meeting.phase === "CLOSED") return { ok: false, reason: "wrongPhase" };
      await tx.reading.updateMany({
        where: { meetingId, startedAt: { not: null }, finishedAt: null, pausedAt: null },
        data: { finishedAt: new Date(now) },
      });
      await tx.meeting.update({
        where: { id: meetingId },
        data: { phase: "CLOSED", closedAt: new Date(now) },
        select: { id: true },
      });
      return { ok: true };
    },
  );
  return result;
}

/**
 * Undoes a close made by mistake: the meeting goes back to the recap, and readers can edit their
 * summaries again (what a device kept while it was closed is then saved). Timers stay finished.
 */
export async function reopenMeeting(
  userId: string,
  meetingId: string,
): Promise<{ ok: true } | PhaseFailure> {
  return drive(userId, meetingId, async (tx, meeting): Promise<{ ok: true } | PhaseFailure> => {
    if (meeting.phase !== "CLOSED") return { ok: false, reason: "wrongPhase" };
    await tx.meeting.update({
      where: { id: meetingId },
      data: { phase: "RECAP", closedAt: null },
      select: { id: true },
    });
    return { ok: true };
  });
}

/** Admins and owners hand the facilitator role to another member. */
export async function setFacilitator(
  userId: string,
  meetingId: string,
  facilitatorId: string,
): Promise<{ ok: true } | Failure<"notMember">> {
  const result = await db.$transaction(async (tx): Promise<{ ok: true } | Failure<"notMember">> => {
    const meeting = await meetingForActor(tx, meetingId, userId);
    if (meeting.role !== "OWNER" && meeting.role !== "ADMIN") throw new AppError("FORBIDDEN");
    const target = await tx.membership.findUnique({
      where: { groupId_userId: { groupId: meeting.groupId, userId: facilitatorId } },
      select: { id: true },
    });
    if (!target) return { ok: false, reason: "notMember" };
    await tx.meeting.update({
      where: { id: meetingId },
      data: { facilitatorId },
      select: { id: true },
    });
    return { ok: true };
  });
  if (result.ok) await changed(meetingId);
  return result;
}

type RecapFailure = Failure<"wrongPhase" | "invalidOrder" | "alreadyStarted">;

function recapStateOf(m: {
  recapOrder: string;
  recapIndex: number;
  presenterStartedAt: Date | null;
  presenterPausedAt: Date | null;
  presenterPausedMs: number;
}): recap.RecapState {
  return {
    order: parseStringList(m.recapOrder),
    index: m.recapIndex,
    startedAt: m.presenterStartedAt?.getTime() ?? null,
    pausedAt: m.presenterPausedAt?.getTime() ?? null,
    pausedMs: m.presenterPausedMs,
  };
}

const recapSelect = {
  recapOrder: true,
  recapIndex: true,
  presenterStartedAt: true,
  presenterPausedAt: true,
  presenterPausedMs: true,
} as const;

/** Next / back / pause on the recap. Two remotes pressing at once move it one step, not two. */
export async function driveRecap(
  userId: string,
  meetingId: string,
  command: recap.RecapCommand,
  now: number,
): Promise<{ ok: true } | RecapFailure> {
  const result = await drive(
    userId,
    meetingId,
    async (tx, meeting): Promise<{ ok: true } | RecapFailure> => {
      if (meeting.phase !== "RECAP") return { ok: false, reason: "wrongPhase" };
      const m = await tx.meeting.findUniqueOrThrow({
        where: { id: meetingId },
        select: recapSelect,
      });
      const before = recapStateOf(m);
      const step = recap.apply(before, command, now);
      if (step.state === before) return { ok: true };
      const { count } = await tx.meeting.updateMany({
        where: {
          id: meetingId,
          recapIndex: m.recapIndex,
          presenterStartedAt: m.presenterStartedAt,
          presenterPausedAt: m.presenterPausedAt,
        },
        data: {
          recapIndex: step.state.index,
          presenterStartedAt: step.state.startedAt === null ? null : new Date(step.state.startedAt),
          presenterPausedAt: step.state.pausedAt === null ? null : new Date(step.state.pausedAt),
          presenterPausedMs: step.state.pausedMs,
        },
      });
      if (count === 0) return { ok: true };
      if (step.finished) {
        await tx.reading.updateMany({
          where: { id: step.finished.readingId, meetingId },
          data: { presentedMs: step.finished.ms },
        });
      }
      return { ok: true };
    },
  );
  return result;
}

/** Sets the presenter order (a subset of the readers: leaving one out skips them), before it starts. */
export async function setRecapOrder(
  userId: string,
  meetingId: string,
  order: string[] | "shuffle",
): Promise<{ ok: true } | RecapFailure> {
  const result = await drive(
    userId,
    meetingId,
    async (tx, meeting): Promise<{ ok: true } | RecapFailure> => {
      if (meeting.phase !== "RECAP") return { ok: false, reason: "wrongPhase" };
      const m = await tx.meeting.findUniqueOrThrow({
        where: { id: meetingId },
        select: recapSelect,
      });
      if (m.recapIndex !== 0 || m.presenterStartedAt !== null)
        return { ok: false, reason: "alreadyStarted" };
      const readers = (
        await tx.reading.findMany({ where: { meetingId }, select: { id: true } })
      ).map((r) => r.id);
      const next = order === "shuffle" ? recap.shuffled(parseStringList(m.recapOrder)) : order;
      if (!recap.isValidOrder(next, readers)) return { ok: false, reason: "invalidOrder" };
      await tx.meeting.update({
        where: { id: meetingId },
        data: { recapOrder: JSON.stringify(next) },
        select: { id: true },
      });
      return { ok: true };
    },
  );
  return result;
}

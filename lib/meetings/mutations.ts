// Meeting writes: creating, joining, the phases (planned → reading → recap → closed) and the
// facilitator. Each checks the actor's rights itself inside its transaction and decides with the
// server's clock; live events go out after the write commits.
import "server-only";
import { randomBytes } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import { MEETING_LINK_MS, usableInviteToken } from "@/lib/groups/data";
import { AppError, type Failure } from "@/lib/errors";
import {
  type Tx,
  driveMeeting,
  meetingActor,
  membershipRole,
  publishMeetingChange,
} from "@/lib/groups/access";
import { resolvePaper } from "@/lib/papers/mutations";
import type { PaperInput } from "@/lib/papers/schema";
import * as countdown from "@/lib/readings/countdown";
import { countdownSelect, toCountdown } from "@/lib/readings/data";
import { appendToRecap, removeFromRecap, startRecap } from "@/lib/recap/mutations";
import { returnToQueue, takeFromQueue } from "@/lib/queue/mutations";
import type { joinFailures, phaseFailures, readerFailures } from "./schema";

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

export type JoinFailure = Failure<(typeof joinFailures)[number]>;

/**
 * The rule of the meeting is a paper the reader has never read: one they read in another meeting
 * needs their confirmation.
 */
async function readBefore(tx: Tx, userId: string, meetingId: string, paperId: string) {
  const earlier = await tx.reading.findFirst({
    where: { userId, paperId, meetingId: { not: meetingId } },
    select: { id: true },
  });
  return earlier !== null;
}

export async function joinMeeting(
  userId: string,
  meetingId: string,
  paper: PaperInput,
  options: { confirmReread?: boolean } = {},
): Promise<{ ok: true } | JoinFailure> {
  const result = await db.$transaction(async (tx): Promise<{ ok: true } | JoinFailure> => {
    const meeting = await meetingActor(tx, meetingId, userId);
    if (meeting.phase === "CLOSED") return { ok: false, reason: "closed" };
    const existing = await tx.reading.findUnique({
      where: { meetingId_userId: { meetingId, userId } },
      select: { id: true },
    });
    if (existing) return { ok: false, reason: "alreadyJoined" };
    const { paperId, overrides } = await resolvePaper(tx, paper);
    if (!options.confirmReread && (await readBefore(tx, userId, meetingId, paperId)))
      return { ok: false, reason: "readBefore" };
    const reading = await tx.reading.create({
      data: {
        meetingId,
        userId,
        paperId,
        paperOverrides: overrides,
        durationMs: meeting.group.readingMinutes * 60_000,
      },
      select: { id: true },
    });
    await takeFromQueue(tx, meeting.groupId, paperId, reading.id);
    if (meeting.phase === "RECAP") await appendToRecap(tx, meetingId, reading.id);
    return { ok: true };
  });
  if (result.ok) await publishMeetingChange(meetingId);
  return result;
}

export type ReaderFailure = Failure<(typeof readerFailures)[number]>;

/** The actor's own reading in a meeting that is still open, before its countdown started. */
async function unstartedReading(tx: Tx, meetingId: string, userId: string) {
  const meeting = await meetingActor(tx, meetingId, userId);
  if (meeting.phase === "CLOSED") return { ok: false, reason: "closed" } as const;
  const reading = await tx.reading.findUnique({
    where: { meetingId_userId: { meetingId, userId } },
    select: { id: true, startedAt: true },
  });
  if (!reading) return { ok: false, reason: "notJoined" } as const;
  if (reading.startedAt !== null) return { ok: false, reason: "alreadyStarted" } as const;
  return {
    ok: true,
    readingId: reading.id,
    phase: meeting.phase,
    groupId: meeting.groupId,
  } as const;
}

/** A reader picks another paper, before they start reading. */
export async function changePaper(
  userId: string,
  meetingId: string,
  paper: PaperInput,
  options: { confirmReread?: boolean } = {},
): Promise<{ ok: true } | ReaderFailure> {
  const result = await db.$transaction(async (tx): Promise<{ ok: true } | ReaderFailure> => {
    const mine = await unstartedReading(tx, meetingId, userId);
    if (!mine.ok) return mine;
    const { paperId, overrides } = await resolvePaper(tx, paper);
    if (!options.confirmReread && (await readBefore(tx, userId, meetingId, paperId)))
      return { ok: false, reason: "readBefore" };
    // Conditional: a Start that got in first wins, and the paper stays.
    const { count } = await tx.reading.updateMany({
      where: { id: mine.readingId, startedAt: null },
      data: { paperId, paperOverrides: overrides },
    });
    if (count !== 1) return { ok: false, reason: "alreadyStarted" };
    // The paper given up goes back to the group's queue; the new one leaves it.
    await returnToQueue(tx, mine.readingId);
    await takeFromQueue(tx, mine.groupId, paperId, mine.readingId);
    return { ok: true };
  });
  if (result.ok) await publishMeetingChange(meetingId);
  return result;
}

/** A reader leaves a meeting they joined by mistake, before they start reading. */
export async function leaveMeeting(
  userId: string,
  meetingId: string,
): Promise<{ ok: true } | ReaderFailure> {
  const result = await db.$transaction(async (tx): Promise<{ ok: true } | ReaderFailure> => {
    const mine = await unstartedReading(tx, meetingId, userId);
    if (!mine.ok) return mine;
    const { count } = await tx.reading.deleteMany({
      where: { id: mine.readingId, startedAt: null },
    });
    if (count === 0) return { ok: false, reason: "alreadyStarted" };
    if (mine.phase === "RECAP") await removeFromRecap(tx, meetingId, mine.readingId);
    return { ok: true };
  });
  if (result.ok) await publishMeetingChange(meetingId);
  return result;
}

export type PhaseFailure = Failure<(typeof phaseFailures)[number]> & {
  count?: number;
};

/** "Everyone starts now": every joined reader who has not started starts at the same moment. */
export async function startEveryone(
  userId: string,
  meetingId: string,
  now: number,
): Promise<{ ok: true; started: number } | PhaseFailure> {
  const result = await driveMeeting(
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
  const result = await driveMeeting(
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
      await startRecap(tx, meetingId, now);
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
  const result = await driveMeeting(
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
  return driveMeeting(
    userId,
    meetingId,
    async (tx, meeting): Promise<{ ok: true } | PhaseFailure> => {
      if (meeting.phase !== "CLOSED") return { ok: false, reason: "wrongPhase" };
      await tx.meeting.update({
        where: { id: meetingId },
        data: { phase: "RECAP", closedAt: null },
        select: { id: true },
      });
      return { ok: true };
    },
  );
}

/** Admins and owners hand the facilitator role to another member. */
export async function setFacilitator(
  userId: string,
  meetingId: string,
  facilitatorId: string,
): Promise<{ ok: true } | Failure<"notMember">> {
  const result = await db.$transaction(async (tx): Promise<{ ok: true } | Failure<"notMember">> => {
    const meeting = await meetingActor(tx, meetingId, userId);
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
  if (result.ok) await publishMeetingChange(meetingId);
  return result;
}

/**
 * Deletes a meeting with its readings (a test run, a duplicate). Owners and admins only: a
 * facilitator who is a plain member cannot erase other readers' summaries.
 */
export async function deleteMeeting(
  userId: string,
  meetingId: string,
): Promise<{ ok: true } | PhaseFailure> {
  const result = await db.$transaction(async (tx): Promise<{ ok: true } | PhaseFailure> => {
    const meeting = await meetingActor(tx, meetingId, userId);
    if (meeting.role !== "OWNER" && meeting.role !== "ADMIN")
      return { ok: false, reason: "forbidden" };
    // Queued papers read here go back to the queue (their link is cleared with the readings).
    await tx.meeting.delete({ where: { id: meetingId }, select: { id: true } });
    return { ok: true };
  });
  if (result.ok) await publishMeetingChange(meetingId);
  return result;
}

/**
 * The invite behind a meeting's shared link (and the projector's QR code): a group invite that
 * lasts at least the rest of the meeting, reused when there is one, else made for two days. The
 * facilitator, admins and owners share it; the meeting must not be closed.
 */
export async function meetingInvite(
  userId: string,
  meetingId: string,
  now = new Date(),
): Promise<{ ok: true; token: string } | Failure<"closed">> {
  return db.$transaction(async (tx) => {
    const meeting = await meetingActor(tx, meetingId, userId);
    if (!meeting.canDrive) throw new AppError("FORBIDDEN");
    if (meeting.phase === "CLOSED") return { ok: false, reason: "closed" } as const;
    const existing = await usableInviteToken(meeting.groupId, now, tx);
    if (existing) return { ok: true, token: existing } as const;
    const created = await tx.invite.create({
      data: {
        groupId: meeting.groupId,
        createdById: userId,
        token: randomBytes(24).toString("base64url"),
        expiresAt: new Date(now.getTime() + MEETING_LINK_MS),
      },
      select: { token: true },
    });
    return { ok: true, token: created.token } as const;
  });
}

/** Moves or retitles a scheduled meeting (the facilitator, admins and owners; before it starts). */
export async function updateMeeting(
  userId: string,
  meetingId: string,
  input: { scheduledAt: Date; title: string },
): Promise<{ ok: true } | Failure<"wrongPhase">> {
  return driveMeeting(userId, meetingId, async (tx, meeting) => {
    if (meeting.phase !== "PLANNED") return { ok: false, reason: "wrongPhase" } as const;
    await tx.meeting.update({
      where: { id: meetingId },
      data: { scheduledAt: input.scheduledAt, title: input.title },
      select: { id: true },
    });
    return { ok: true } as const;
  });
}

/**
 * Calls off a scheduled meeting nobody has joined yet (the facilitator, admins and owners): it
 * goes away. Once someone has picked a paper, only an admin or owner deletes it.
 */
export async function cancelMeeting(
  userId: string,
  meetingId: string,
): Promise<{ ok: true } | Failure<"wrongPhase" | "hasReaders">> {
  return driveMeeting(userId, meetingId, async (tx, meeting) => {
    if (meeting.phase !== "PLANNED") return { ok: false, reason: "wrongPhase" } as const;
    if ((await tx.reading.count({ where: { meetingId } })) > 0)
      return { ok: false, reason: "hasReaders" } as const;
    await tx.meeting.delete({ where: { id: meetingId }, select: { id: true } });
    return { ok: true } as const;
  });
}

// The recap's writes: the presenter order and the presenter's timer, kept on the meeting. Only the
// facilitator, admins and owners drive it; two remotes pressing at once move it one step.
import "server-only";
import { driveMeeting, type Tx } from "@/lib/groups/access";
import type { Failure } from "@/lib/errors";
import { parseStringList } from "@/lib/ids";
import { apply, isValidOrder, shuffled, type RecapCommand, type RecapState } from "./recap";
import type { RecapFailureReason } from "./schema";

export type RecapFailure = Failure<RecapFailureReason>;
/** A command applied (or found already applied): boards with this revision or later show it. */
export type RecapDone = { ok: true; revision: number };

function recapStateOf(m: {
  recapOrder: string;
  recapIndex: number;
  presenterStartedAt: Date | null;
  presenterPausedAt: Date | null;
  presenterPausedMs: number;
}): RecapState {
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
  recapRevision: true,
} as const;

type RecapRow = Parameters<typeof recapStateOf>[0] & { recapRevision: number };

/** A facilitator's change to a running recap: refused unless the meeting is in its recap. */
function changeRecap(
  userId: string,
  meetingId: string,
  fn: (tx: Tx, m: RecapRow) => Promise<RecapDone | RecapFailure>,
): Promise<RecapDone | RecapFailure> {
  return driveMeeting(userId, meetingId, async (tx, meeting) => {
    if (meeting.phase !== "RECAP") return { ok: false, reason: "wrongPhase" } as const;
    const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: recapSelect });
    return fn(tx, m);
  });
}

/** Next / back / pause on the recap. Two remotes pressing at once move it one step, not two. */
export function driveRecap(
  userId: string,
  meetingId: string,
  command: RecapCommand,
  now: number,
): Promise<RecapDone | RecapFailure> {
  return changeRecap(userId, meetingId, async (tx, m) => {
    const before = recapStateOf(m);
    const step = apply(before, command, now);
    if (step.state === before) return { ok: true, revision: m.recapRevision };
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
        recapRevision: { increment: 1 },
      },
    });
    // Read after the write: this step's revision, or (when another remote's press got there first
    // and stands for this one) that step's.
    const { recapRevision: revision } = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { recapRevision: true },
    });
    if (count === 0) return { ok: true, revision };
    if (step.finished) {
      await tx.reading.updateMany({
        where: { id: step.finished.readingId, meetingId },
        data: { presentedMs: step.finished.ms },
      });
    }
    return { ok: true, revision };
  });
}

/** Sets the presenter order (a subset of the readers: leaving one out skips them), before it starts. */
export function setRecapOrder(
  userId: string,
  meetingId: string,
  order: string[] | "shuffle",
): Promise<RecapDone | RecapFailure> {
  return changeRecap(userId, meetingId, async (tx, m) => {
    if (m.recapIndex !== 0 || m.presenterStartedAt !== null)
      return { ok: false, reason: "alreadyStarted" };
    const readers = (await tx.reading.findMany({ where: { meetingId }, select: { id: true } })).map(
      (r) => r.id,
    );
    const next = order === "shuffle" ? shuffled(parseStringList(m.recapOrder)) : order;
    if (!isValidOrder(next, readers)) return { ok: false, reason: "invalidOrder" };
    const { recapRevision: revision } = await tx.meeting.update({
      where: { id: meetingId },
      data: { recapOrder: JSON.stringify(next), recapRevision: { increment: 1 } },
      select: { recapRevision: true },
    });
    return { ok: true, revision };
  });
}

/** Opens the recap: readers present in the order they joined. Inside the facilitator's transaction. */
export async function startRecap(tx: Tx, meetingId: string, now: number): Promise<void> {
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
      recapRevision: { increment: 1 },
    },
    select: { id: true },
  });
}

/** A reader who joins during the recap presents last. */
export async function appendToRecap(tx: Tx, meetingId: string, readingId: string): Promise<void> {
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { recapOrder: true },
  });
  await tx.meeting.update({
    where: { id: meetingId },
    data: {
      recapOrder: JSON.stringify([...parseStringList(m.recapOrder), readingId]),
      recapRevision: { increment: 1 },
    },
    select: { id: true },
  });
}

/** A reader who leaves before presenting is taken out of the order. */
export async function removeFromRecap(tx: Tx, meetingId: string, readingId: string): Promise<void> {
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { recapOrder: true },
  });
  await tx.meeting.update({
    where: { id: meetingId },
    data: {
      recapOrder: JSON.stringify(parseStringList(m.recapOrder).filter((id) => id !== readingId)),
      recapRevision: { increment: 1 },
    },
    select: { id: true },
  });
}

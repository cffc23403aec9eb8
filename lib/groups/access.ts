// Who may do what in a group's meetings, checked inside each write's own transaction: members see
// and join, the facilitator, admins and owners drive. Every noun below groups uses these.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publish, meetingTopic } from "@/lib/live/bus";
import type { GroupRole } from "./schema";

export type Tx = Prisma.TransactionClient;

/**
 * What a meeting's live screens are told after a write commits: something changed, or a reader's
 * answers changed (`counted`: how many are filled changed too, which the board shows). The live
 * read model decides which of these need a new board.
 */
export type MeetingEvent = { type: "changed" } | { type: "answers"; counted: boolean };

export function publishMeetingChange(
  meetingId: string,
  event: MeetingEvent = { type: "changed" },
): Promise<void> {
  return publish(meetingTopic(meetingId), event);
}

export async function membershipRole(tx: Tx, groupId: string, userId: string): Promise<GroupRole> {
  const m = await tx.membership.findUnique({
    where: { groupId_userId: { groupId, userId } },
    select: { role: true },
  });
  if (!m) throw new AppError("NOT_FOUND");
  return m.role;
}

/** The meeting, for a member of its group; with whether the actor may drive it. */
export async function meetingActor(tx: Tx, meetingId: string, userId: string) {
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

/**
 * Runs a facilitator's change (the facilitator, an admin or an owner only) in a transaction, then
 * tells the meeting's live screens when it went through.
 */
export async function driveMeeting<T extends { ok: boolean }>(
  userId: string,
  meetingId: string,
  fn: (tx: Tx, meeting: Awaited<ReturnType<typeof meetingActor>>) => Promise<T>,
): Promise<T> {
  const result = await db.$transaction(async (tx) => {
    const meeting = await meetingActor(tx, meetingId, userId);
    if (!meeting.canDrive) throw new AppError("FORBIDDEN");
    return fn(tx, meeting);
  });
  if (result.ok) await publishMeetingChange(meetingId);
  return result;
}

// Minutes writes: publishing (facilitator, admins, owners), options, and the closing remarks any
// member writes (saved with a version, merged with a concurrent edit rather than overwriting it).
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Failure } from "@/lib/errors";
import { meetingActor } from "@/lib/groups/access";
import { mergeText } from "@/lib/readings/merge";
import type { minutesFailures } from "./schema";
import type { RemarksAnswer } from "./remarks-answer";

type Result<T = object> = ({ ok: true } & T) | Failure<(typeof minutesFailures)[number]>;

const hasMinutes = (phase: string) => phase === "RECAP" || phase === "CLOSED";

export async function publishMinutes(
  userId: string,
  meetingId: string,
  now: Date,
): Promise<Result<{ token: string }>> {
  return db.$transaction(async (tx): Promise<Result<{ token: string }>> => {
    const meeting = await meetingActor(tx, meetingId, userId);
    if (!meeting.canDrive) return { ok: false, reason: "forbidden" };
    if (!hasMinutes(meeting.phase)) return { ok: false, reason: "wrongPhase" };
    const current = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { minutesToken: true },
    });
    if (current.minutesToken) return { ok: true, token: current.minutesToken };
    // 192 random bits: the link is the only key to the page.
    const token = randomBytes(24).toString("base64url");
    await tx.meeting.update({
      where: { id: meetingId },
      data: { minutesToken: token, minutesPublishedAt: now },
      select: { id: true },
    });
    return { ok: true, token };
  });
}

export async function unpublishMinutes(userId: string, meetingId: string): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const meeting = await meetingActor(tx, meetingId, userId);
    if (!meeting.canDrive) return { ok: false, reason: "forbidden" };
    await tx.meeting.update({
      where: { id: meetingId },
      data: { minutesToken: null, minutesPublishedAt: null },
      select: { id: true },
    });
    return { ok: true };
  });
}

export async function setMinutesOptions(
  userId: string,
  meetingId: string,
  options: { initials: boolean; atTimeUp: boolean },
): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const meeting = await meetingActor(tx, meetingId, userId);
    if (!meeting.canDrive) return { ok: false, reason: "forbidden" };
    await tx.meeting.update({
      where: { id: meetingId },
      data: { minutesInitials: options.initials, minutesAtTimeUp: options.atTimeUp },
      select: { id: true },
    });
    return { ok: true };
  });
}

/**
 * Saves the closing remarks. A save made from the current version replaces the text; one made
 * from an older version is merged with what was saved meanwhile (three-way, by line), and when
 * both changed the same lines, both texts are kept. Any member, once the recap has started.
 */
export async function saveRemarks(
  userId: string,
  meetingId: string,
  input: { text: string; baseVersion: number; baseText: string },
  now: Date,
): Promise<Result<RemarksAnswer>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await db.$transaction(async (tx): Promise<Result<RemarksAnswer> | null> => {
      const meeting = await meetingActor(tx, meetingId, userId);
      if (!hasMinutes(meeting.phase)) return { ok: false, reason: "wrongPhase" };
      const current = await tx.meeting.findUniqueOrThrow({
        where: { id: meetingId },
        select: { closingRemarks: true, remarksVersion: true },
      });
      let text = input.text;
      let merged = false;
      if (
        current.remarksVersion !== input.baseVersion &&
        current.closingRemarks !== input.baseText
      ) {
        merged = true;
        text =
          mergeText(input.baseText, input.text, current.closingRemarks) ??
          `${current.closingRemarks.trimEnd()}\n\n${input.text.trim()}`;
      }
      if (text === current.closingRemarks)
        return { ok: true, version: current.remarksVersion, text, merged };
      const { count } = await tx.meeting.updateMany({
        where: { id: meetingId, remarksVersion: current.remarksVersion },
        data: { closingRemarks: text, remarksVersion: { increment: 1 }, remarksSavedAt: now },
      });
      if (count === 0) return null; // Another save got in between: read again.
      return { ok: true, version: current.remarksVersion + 1, text, merged };
    });
    if (outcome) return outcome;
  }
  throw new Error("The closing remarks are contended beyond reason.");
}

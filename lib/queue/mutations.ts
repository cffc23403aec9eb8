// Queue writes. Each checks the actor's membership itself inside its transaction.
import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Failure } from "@/lib/errors";
import { membershipRole, type Tx } from "@/lib/groups/access";
import type { queueFailures } from "./schema";

export type QueueFailure = Failure<(typeof queueFailures)[number]>;
type Result = { ok: true } | QueueFailure;

/** Adds a paper to the group's queue, with the adder's vote. */
export async function addToQueue(
  userId: string,
  groupId: string,
  paperId: string,
): Promise<Result> {
  try {
    return await db.$transaction(async (tx): Promise<Result> => {
      await membershipRole(tx, groupId, userId);
      const existing = await tx.queueItem.findUnique({
        where: { groupId_paperId: { groupId, paperId } },
        select: { readingId: true },
      });
      if (existing)
        return { ok: false, reason: existing.readingId ? "alreadyRead" : "alreadyQueued" };
      const read = await tx.reading.findFirst({
        where: { paperId, meeting: { groupId } },
        select: { id: true },
      });
      if (read) return { ok: false, reason: "alreadyRead" };
      await tx.queueItem.create({
        data: { groupId, paperId, addedById: userId, votes: { create: { userId } } },
        select: { id: true },
      });
      return { ok: true };
    });
  } catch (error) {
    // Two members adding the same paper at once: the second finds it queued.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, reason: "alreadyQueued" };
    throw error;
  }
}

/** The queued item in the actor's group (NOT_FOUND for anyone else), still in the queue. */
async function queuedItem(tx: Tx, groupId: string, itemId: string, userId: string) {
  const item = await tx.queueItem.findUnique({
    where: { id: itemId },
    select: { id: true, groupId: true, addedById: true, claimedById: true, readingId: true },
  });
  const role = item ? await membershipRole(tx, item.groupId, userId).catch(() => null) : null;
  if (!item || item.groupId !== groupId || !role || item.readingId) return null;
  return { ...item, role };
}

/** One vote per member per paper: a second press takes the vote back. */
export async function toggleVote(userId: string, groupId: string, itemId: string): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const item = await queuedItem(tx, groupId, itemId, userId);
    if (!item) return { ok: false, reason: "notFound" };
    const { count } = await tx.queueVote.deleteMany({ where: { itemId, userId } });
    if (count === 0)
      await tx.queueVote.create({ data: { itemId, userId }, select: { itemId: true } });
    return { ok: true };
  });
}

/** Claims a paper to read next (or gives the claim back); one member claims it at a time. */
export async function toggleClaim(
  userId: string,
  groupId: string,
  itemId: string,
  now: Date,
): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const item = await queuedItem(tx, groupId, itemId, userId);
    if (!item) return { ok: false, reason: "notFound" };
    if (item.claimedById === userId) {
      await tx.queueItem.update({
        where: { id: itemId },
        data: { claimedById: null, claimedAt: null },
        select: { id: true },
      });
      return { ok: true };
    }
    // Conditional: of two members claiming at once, one gets it.
    const { count } = await tx.queueItem.updateMany({
      where: { id: itemId, claimedById: null },
      data: { claimedById: userId, claimedAt: now },
    });
    return count === 1 ? { ok: true } : { ok: false, reason: "claimedByOther" };
  });
}

/** Takes a paper off the queue: whoever added it, or an admin or owner. */
export async function removeFromQueue(
  userId: string,
  groupId: string,
  itemId: string,
): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const item = await queuedItem(tx, groupId, itemId, userId);
    if (!item) return { ok: false, reason: "notFound" };
    if (item.addedById !== userId && item.role === "MEMBER")
      return { ok: false, reason: "forbidden" };
    await tx.queueItem.delete({ where: { id: itemId }, select: { id: true } });
    return { ok: true };
  });
}

/** A queued paper was picked for a reading: it leaves the queue, linked to that reading. */
export async function takeFromQueue(
  tx: Tx,
  groupId: string,
  paperId: string,
  readingId: string,
): Promise<void> {
  await tx.queueItem.updateMany({
    where: { groupId, paperId, readingId: null },
    data: { readingId },
  });
}

/** A reading picked another paper or was removed before starting: its paper goes back. */
export async function returnToQueue(tx: Tx, readingId: string): Promise<void> {
  await tx.queueItem.updateMany({ where: { readingId }, data: { readingId: null } });
}

// Group writes. Each takes the acting user and checks that user's role inside the same
// transaction, so a stale page or a hand-made request cannot act beyond its rights.
import "server-only";
import { randomBytes } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  canAdminister,
  canManageMembers,
  type CreateGroupInput,
  type GroupRole,
  type GroupSettingsInput,
} from "./schema";
import { slugCandidates, slugify } from "./slug";

type Tx = Prisma.TransactionClient;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The actor's membership, or NOT_FOUND (non-members must not learn the group exists). */
async function actorMembership(tx: Tx, groupId: string, userId: string) {
  const m = await tx.membership.findUnique({
    where: { groupId_userId: { groupId, userId } },
    select: { id: true, role: true },
  });
  if (!m) throw new AppError("NOT_FOUND");
  return m;
}

export type CreateGroupResult = { ok: true; slug: string } | { ok: false; reason: "slugTaken" };

export async function createGroup(
  userId: string,
  input: CreateGroupInput,
): Promise<CreateGroupResult> {
  const candidates = input.slug ? [input.slug] : slugCandidates(slugify(input.name));
  for (const slug of candidates) {
    try {
      await db.group.create({
        data: { name: input.name, slug, memberships: { create: { userId, role: "OWNER" } } },
        select: { id: true },
      });
      return { ok: true, slug };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { ok: false, reason: "slugTaken" };
}

/** Saves a group's settings; a new address must be free (the group keeps its old one if not). */
export async function updateGroupSettings(
  userId: string,
  groupId: string,
  input: GroupSettingsInput,
): Promise<{ ok: true; slug: string } | { ok: false; reason: "slugTaken" }> {
  try {
    return await db.$transaction(async (tx) => {
      const actor = await actorMembership(tx, groupId, userId);
      if (!canAdminister(actor.role)) throw new AppError("FORBIDDEN");
      const { slug, ...rest } = input;
      const group = await tx.group.update({
        where: { id: groupId },
        data: { ...rest, ...(slug ? { slug } : {}) },
        select: { slug: true },
      });
      return { ok: true as const, slug: group.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "slugTaken" };
    throw error;
  }
}

export async function createInvite(userId: string, groupId: string, days: number) {
  return db.$transaction(async (tx) => {
    const actor = await actorMembership(tx, groupId, userId);
    if (!canAdminister(actor.role)) throw new AppError("FORBIDDEN");
    return tx.invite.create({
      data: {
        groupId,
        createdById: userId,
        token: randomBytes(24).toString("base64url"),
        expiresAt: new Date(Date.now() + days * 86_400_000),
      },
      select: { id: true, token: true },
    });
  });
}

export async function revokeInvite(userId: string, groupId: string, inviteId: string) {
  await db.$transaction(async (tx) => {
    const actor = await actorMembership(tx, groupId, userId);
    if (!canAdminister(actor.role)) throw new AppError("FORBIDDEN");
    const { count } = await tx.invite.updateMany({
      where: { id: inviteId, groupId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND");
  });
}

export type JoinResult =
  | { ok: true; slug: string }
  | { ok: false; reason: "alreadyMember"; slug: string }
  | { ok: false; reason: "unknown" | "expired" | "revoked" | "blocked" };

export async function joinByInvite(
  userId: string,
  token: string,
  now = new Date(),
): Promise<JoinResult> {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({
      where: { token },
      select: {
        id: true,
        groupId: true,
        expiresAt: true,
        revokedAt: true,
        group: { select: { slug: true } },
      },
    });
    if (!invite) return { ok: false, reason: "unknown" };
    if (invite.revokedAt) return { ok: false, reason: "revoked" };
    if (invite.expiresAt <= now) return { ok: false, reason: "expired" };
    const existing = await tx.membership.findUnique({
      where: { groupId_userId: { groupId: invite.groupId, userId } },
      select: { id: true },
    });
    if (existing) return { ok: false, reason: "alreadyMember", slug: invite.group.slug };
    const blocked = await tx.groupBlock.findUnique({
      where: { groupId_userId: { groupId: invite.groupId, userId } },
      select: { groupId: true },
    });
    if (blocked) return { ok: false, reason: "blocked" };
    await tx.membership.create({
      data: { groupId: invite.groupId, userId, role: "MEMBER" },
      select: { id: true },
    });
    await tx.invite.update({
      where: { id: invite.id },
      data: { uses: { increment: 1 } },
      select: { id: true },
    });
    return { ok: true, slug: invite.group.slug };
  });
}

async function ownerCount(tx: Tx, groupId: string) {
  return tx.membership.count({ where: { groupId, role: "OWNER" } });
}

export type MemberChangeResult = { ok: true } | { ok: false; reason: "lastOwner" };

/** For an owner acting on another membership of the group: that membership, or an error. */
async function managedMembership(tx: Tx, groupId: string, userId: string, membershipId: string) {
  const actor = await actorMembership(tx, groupId, userId);
  if (!canManageMembers(actor.role)) throw new AppError("FORBIDDEN");
  const target = await tx.membership.findFirst({
    where: { id: membershipId, groupId },
    select: { id: true, role: true },
  });
  if (!target) throw new AppError("NOT_FOUND");
  return target;
}

export async function changeRole(
  userId: string,
  groupId: string,
  membershipId: string,
  role: GroupRole,
): Promise<MemberChangeResult> {
  return db.$transaction(async (tx) => {
    const target = await managedMembership(tx, groupId, userId, membershipId);
    if (target.role === "OWNER" && role !== "OWNER" && (await ownerCount(tx, groupId)) <= 1) {
      return { ok: false, reason: "lastOwner" };
    }
    await tx.membership.update({ where: { id: target.id }, data: { role }, select: { id: true } });
    return { ok: true };
  });
}

/** Removes a member; with `block`, their invites are refused from then on. */
export async function removeMember(
  userId: string,
  groupId: string,
  membershipId: string,
  options: { block?: boolean } = {},
): Promise<MemberChangeResult> {
  return db.$transaction(async (tx) => {
    const target = await managedMembership(tx, groupId, userId, membershipId);
    if (target.role === "OWNER" && (await ownerCount(tx, groupId)) <= 1)
      return { ok: false, reason: "lastOwner" };
    const removed = await tx.membership.delete({
      where: { id: target.id },
      select: { userId: true },
    });
    if (options.block)
      await tx.groupBlock.upsert({
        where: { groupId_userId: { groupId, userId: removed.userId } },
        create: { groupId, userId: removed.userId },
        update: {},
        select: { groupId: true },
      });
    return { ok: true };
  });
}

export async function leaveGroup(userId: string, groupId: string): Promise<MemberChangeResult> {
  return db.$transaction(async (tx) => {
    const actor = await actorMembership(tx, groupId, userId);
    if (actor.role === "OWNER" && (await ownerCount(tx, groupId)) <= 1)
      return { ok: false, reason: "lastOwner" };
    await tx.membership.delete({ where: { id: actor.id } });
    return { ok: true };
  });
}

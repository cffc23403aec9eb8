import "server-only";
import { db, Prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Failure } from "@/lib/errors";
import { EMAIL_RESET_MS, OWNER_RESET_MS, newResetToken, resetTokenHash } from "./reset-token";
import type { SignUpInput } from "@/lib/auth/schema";
import { forgetSessionUser, sessionUserSelect, type SessionUser } from "./data";
import type { Locale } from "@/lib/i18n/routing";

/** Creates an account; `null` when the email is already registered. */
export async function createUser(
  input: SignUpInput & { locale: Locale },
): Promise<SessionUser | null> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, locale: input.locale },
      select: sessionUserSelect,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return null;
    throw error;
  }
}

export async function updateProfile(userId: string, data: { name: string; locale: Locale }) {
  try {
    return await db.user.update({ where: { id: userId }, data, select: sessionUserSelect });
  } finally {
    forgetSessionUser(userId);
  }
}

export async function updateLocale(userId: string, locale: Locale) {
  try {
    return await db.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
  } finally {
    forgetSessionUser(userId);
  }
}

/** Sets a new password and ends every session signed in with the old one. */
export async function updatePassword(userId: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await db.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { id: true },
  });
  forgetSessionUser(userId);
}

/**
 * Finds or creates the user behind an external sign-in, linking the provider account. An existing
 * account with the same email is linked only when the provider vouches for the email and the
 * account has no password: otherwise anyone able to open a provider account under someone's
 * address would be signed in as them. Such a person signs in with their password instead.
 */
export async function upsertOAuthUser(input: {
  provider: string;
  providerAccountId: string;
  email: string;
  emailVerified: boolean;
  name: string;
}): Promise<SessionUser | { refused: "linkWithPassword" | "unverifiedEmail" }> {
  const linked = await db.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: input.provider,
        providerAccountId: input.providerAccountId,
      },
    },
    select: { user: { select: sessionUserSelect } },
  });
  if (linked) return linked.user;
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { ...sessionUserSelect, passwordHash: true },
    });
    let user: SessionUser;
    if (existing) {
      const { passwordHash, ...account } = existing;
      if (passwordHash) return { refused: "linkWithPassword" as const };
      if (!input.emailVerified) return { refused: "unverifiedEmail" as const };
      user = account;
    } else {
      user = await tx.user.create({
        data: { email: input.email, name: input.name.slice(0, 100) || input.email },
        select: sessionUserSelect,
      });
    }
    await tx.account.create({
      data: {
        userId: user.id,
        provider: input.provider,
        providerAccountId: input.providerAccountId,
      },
    });
    return user;
  });
}

/**
 * Connects a provider account to a signed-in user (from the profile's connect button). Refused
 * when that provider account already belongs to someone else; connecting it again is a no-op.
 */
export async function connectOAuthAccount(
  userId: string,
  provider: string,
  providerAccountId: string,
): Promise<SessionUser | { refused: "linkedElsewhere" }> {
  return db.$transaction(async (tx) => {
    const linked = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider, providerAccountId } },
      select: { userId: true },
    });
    if (linked && linked.userId !== userId) return { refused: "linkedElsewhere" as const };
    if (!linked) await tx.account.create({ data: { userId, provider, providerAccountId } });
    return tx.user.findUniqueOrThrow({ where: { id: userId }, select: sessionUserSelect });
  });
}

async function issue(userId: string, validMs: number, createdById: string | null, now: Date) {
  const token = newResetToken();
  await db.passwordReset.create({
    data: {
      userId,
      tokenHash: resetTokenHash(token),
      expiresAt: new Date(now.getTime() + validMs),
      createdById,
    },
    select: { id: true },
  });
  return token;
}

/** A reset for the account with this email, if there is one (the caller never says which). */
export async function issueEmailReset(
  email: string,
  now = new Date(),
): Promise<{ token: string; name: string; locale: string | null } | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, locale: true },
  });
  if (!user) return null;
  return {
    token: await issue(user.id, EMAIL_RESET_MS, null, now),
    name: user.name,
    locale: user.locale,
  };
}

/**
 * A reset link an owner hands to a member who cannot get mail. Only for a member whose every
 * group this owner owns: an owner must not be able to open the account of someone who also
 * belongs to groups run by other people.
 */
export async function issueOwnerReset(
  ownerId: string,
  groupId: string,
  membershipId: string,
  now = new Date(),
): Promise<
  { ok: true; token: string; name: string } | Failure<"forbidden" | "otherGroups" | "self">
> {
  const [actor, target] = await Promise.all([
    db.membership.findUnique({
      where: { groupId_userId: { groupId, userId: ownerId } },
      select: { role: true },
    }),
    db.membership.findFirst({
      where: { id: membershipId, groupId },
      select: { userId: true, user: { select: { name: true } } },
    }),
  ]);
  if (actor?.role !== "OWNER" || !target) return { ok: false, reason: "forbidden" };
  if (target.userId === ownerId) return { ok: false, reason: "self" };
  const elsewhere = await db.membership.count({
    where: {
      userId: target.userId,
      group: { memberships: { none: { userId: ownerId, role: "OWNER" } } },
    },
  });
  if (elsewhere > 0) return { ok: false, reason: "otherGroups" };
  return {
    ok: true,
    token: await issue(target.userId, OWNER_RESET_MS, ownerId, now),
    name: target.user.name,
  };
}

/**
 * Sets a new password with a reset link: the link is used up in the same transaction (two tabs
 * cannot both use it), every other link of the account is dropped, and every session signed in
 * before now ends (the session version goes up).
 */
export async function resetPassword(
  token: string,
  newPassword: string,
  now = new Date(),
): Promise<{ ok: true; email: string } | Failure<"invalid">> {
  const passwordHash = await hashPassword(newPassword);
  const result = await db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: resetTokenHash(token) },
      select: { id: true, userId: true, user: { select: { email: true } } },
    });
    if (!reset) return { ok: false, reason: "invalid" } as const;
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) return { ok: false, reason: "invalid" } as const;
    await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    await tx.passwordReset.deleteMany({ where: { userId: reset.userId, usedAt: null } });
    return { ok: true, email: reset.user.email, userId: reset.userId } as const;
  });
  if (result.ok) forgetSessionUser(result.userId);
  return result.ok ? { ok: true, email: result.email } : result;
}

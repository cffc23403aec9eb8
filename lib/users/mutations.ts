import "server-only";
import { db, Prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { SignUpInput } from "@/lib/auth/schema";
import { sessionUserSelect, type SessionUser } from "./data";
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

export function updateProfile(userId: string, data: { name: string; locale: Locale }) {
  return db.user.update({ where: { id: userId }, data, select: sessionUserSelect });
}

export function updateLocale(userId: string, locale: Locale) {
  return db.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}

/** Sets a new password and ends every session signed in with the old one. */
export async function updatePassword(userId: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await db.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { id: true },
  });
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

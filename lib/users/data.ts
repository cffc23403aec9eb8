import "server-only";
import { resetTokenHash } from "./reset-token";
import { db } from "@/lib/db";

export const sessionUserSelect = { id: true, email: true, name: true, locale: true } as const;
export type SessionUser = { id: string; email: string; name: string; locale: string | null };

export function getUserById(id: string): Promise<SessionUser | null> {
  return db.user.findUnique({ where: { id }, select: sessionUserSelect });
}

/**
 * How long an instance answers "who is this session" from memory. Every page view asked the
 * database (one query of the four to six a page makes); now a user's pages within this window
 * share one read. Changes made through this instance (a password, a name, a language) forget the
 * user at once (`forgetSessionUser`); one made on another instance or straight in the database is
 * seen within this time, inside the live stream's default membership heartbeat (15 s).
 */
export const SESSION_USER_TTL_MS = 5_000;
const SESSION_USERS_KEPT = 5_000;
const sessionUsers = new Map<
  string,
  { sessionVersion: number; until: number; user: Promise<SessionUser | null> }
>();

/** The user behind a session, when the session is still valid (signed in since the last password change). */
export function getSessionUserById(
  id: string,
  sessionVersion: number,
): Promise<SessionUser | null> {
  const now = Date.now();
  const hit = sessionUsers.get(id);
  if (hit && hit.sessionVersion === sessionVersion && hit.until > now) return hit.user;
  const user = Promise.resolve(
    db.user.findFirst({ where: { id, sessionVersion }, select: sessionUserSelect }),
  );
  if (sessionUsers.size >= SESSION_USERS_KEPT)
    sessionUsers.delete(sessionUsers.keys().next().value!);
  const entry = { sessionVersion, until: now + SESSION_USER_TTL_MS, user };
  sessionUsers.set(id, entry);
  user.catch(() => {
    if (sessionUsers.get(id) === entry) sessionUsers.delete(id);
  });
  return user;
}

/** Drops what this instance remembers of a user's sessions (after any change to the account). */
export function forgetSessionUser(id: string): void {
  sessionUsers.delete(id);
}

export async function getSessionVersion(id: string): Promise<number> {
  const u = await db.user.findUnique({ where: { id }, select: { sessionVersion: true } });
  return u?.sessionVersion ?? 0;
}

export function getUserCredentials(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true },
  });
}

export async function getPasswordHash(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user?.passwordHash ?? null;
}

/** The external sign-in providers connected to an account. */
export async function getConnectedProviders(userId: string): Promise<string[]> {
  const accounts = await db.account.findMany({ where: { userId }, select: { provider: true } });
  return [...new Set(accounts.map((a) => a.provider))].sort();
}

/** Whether a reset link can still be used, and for whom (shown on the reset page). */
export async function resetLinkView(token: string, now = new Date()) {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: resetTokenHash(token) },
    select: { expiresAt: true, usedAt: true, user: { select: { email: true } } },
  });
  if (!reset) return { status: "unknown" as const };
  if (reset.usedAt) return { status: "used" as const };
  if (reset.expiresAt <= now) return { status: "expired" as const };
  return { status: "valid" as const, email: reset.user.email };
}

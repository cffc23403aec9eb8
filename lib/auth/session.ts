// Session guards. Each server action, route handler and page calls one of these itself;
// the proxy's redirects are a convenience, never the check.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { getSessionUserById, type SessionUser } from "@/lib/users/data";
import { AppError } from "@/lib/errors";

/**
 * The signed-in user, read once per request; null when signed out, the account is gone, or the
 * session predates a password change (its version no longer matches).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await readSession();
  return session ? getSessionUserById(session.id, session.sv) : null;
});

/** For server actions and route handlers: the user, or an UNAUTHENTICATED error. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
const decoded = new Map<string, { id: string; sv: number; expiresAt: number }>();
const DECODED_KEPT = 5000;

/**
 * The session cookie's user id and session version, or null. A decrypted token is remembered
 * until it expires, so a page view or a save costs a map look-up rather than a key derivation and
 * a decryption. The token says who signed in, not whether they still may: callers filter every
 * query by the id and the version, so a deleted account or a session from before a password change
 * finds nothing.
 */
export async function readSession(): Promise<{ id: string; sv: number } | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token =
      jar.get(name)?.value ??
      jar
        .getAll()
        .filter((c) => c.name.startsWith(`${name}.`))
        .sort(
          (a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)),
        )
        .map((c) => c.value)
        .join("");
    if (!token) continue;
    const now = Date.now();
    const hit = decoded.get(token);
    if (hit && hit.expiresAt > now) return { id: hit.id, sv: hit.sv };
    const payload = await decode({ token, secret: env().authSecret, salt: name }).catch(() => null);
    const expiresAt = (payload?.exp ?? 0) * 1000;
    if (!payload?.sub || expiresAt <= now) continue;
    const sv = typeof payload.sv === "number" ? payload.sv : 0;
    if (decoded.size >= DECODED_KEPT) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, { id: payload.sub, sv, expiresAt });
    return { id: payload.sub, sv };
  }
  return null;
}

/** For hot route handlers (autosave): the id and session version, with no database read. */
export async function requireSession(): Promise<{ id: string; sv: number }> {
  const session = await readSession();
  if (!session) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return session;
}

export async function requireUserId(): Promise<string> {
  return (await requireSession()).id;
}

/** For pages: the user, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageUser(locale: string, path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}${path}`)}`);
}

// Session guards. Each server action, route handler and page calls one of these itself;
// the proxy's redirects are a convenience, never the check.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./config";
import { getUserById, type SessionUser } from "@/lib/users/data";
import { AppError } from "@/lib/errors";

/** The signed-in user, read once per request; null when signed out or the account is gone. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return getUserById(id);
});

/** For server actions and route handlers: the user, or an UNAUTHENTICATED error. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

/** For pages: the user, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageUser(locale: string, path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (user) return user;
  redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}${path}`)}`);
}

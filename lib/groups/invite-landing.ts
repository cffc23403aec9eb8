// Where someone lands after using an invite: in the group (or straight at the meeting the link
// names), joined on the way. Used by the join button and by signing in or up from an invite.
import "server-only";
import { allowAction } from "@/lib/auth/rate-limit";
import type { Locale } from "@/lib/i18n/routing";
import { joinByInvite } from "./mutations";
import { invitePath, parseInvitePath, type InvitePath } from "./invite-path";

export type InviteLanding =
  | { ok: true; path: string }
  | { ok: false; reason: "unknown" | "expired" | "revoked" | "blocked" | "rateLimited" };

export async function joinAndLand(
  userId: string,
  invite: InvitePath,
  locale: Locale,
): Promise<InviteLanding> {
  if (!(await allowAction("inviteJoin", userId))) return { ok: false, reason: "rateLimited" };
  const result = await joinByInvite(userId, invite.token);
  // Already in the group: the link still takes them where it points.
  if (!result.ok && result.reason !== "alreadyMember") return { ok: false, reason: result.reason };
  const group = `/${locale}/groups/${result.slug}`;
  return { ok: true, path: invite.meeting ? `${group}/meetings/${invite.meeting}` : group };
}

/**
 * After signing in or up with `callbackPath`: when it is an invite link, the group joined and the
 * path to go to (the invite page itself when the link can no longer be used, which says why).
 */
export async function landingAfterSignIn(
  userId: string,
  callbackPath: string,
  locale: Locale,
): Promise<string | null> {
  const invite = parseInvitePath(callbackPath);
  if (!invite) return null;
  const landing = await joinAndLand(userId, invite, locale);
  return landing.ok ? landing.path : `/${locale}${invitePath(invite.token, invite.meeting)}`;
}

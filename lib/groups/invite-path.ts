// The path of an invite link, optionally for one meeting: `/invite/<token>` or
// `/invite/<token>?meeting=<n>`, with or without a language prefix. Signing in or up from an
// invite carries this path as the callback, and the sign-in actions join the group on the way.
import { inviteTokenSchema } from "./schema";

export type InvitePath = { token: string; meeting: number | null };

const pattern = /^\/(?:(?:ja|en)\/)?invite\/([^/?#]+)(?:\?meeting=(\d{1,6}))?$/;

export function parseInvitePath(path: string): InvitePath | null {
  const match = pattern.exec(path);
  if (!match) return null;
  const token = inviteTokenSchema.safeParse(match[1]);
  if (!token.success) return null;
  const meeting = match[2] ? Number(match[2]) : null;
  return { token: token.data, meeting: meeting && meeting >= 1 ? meeting : null };
}

/** The link to share: no language in it, so each invitee's browser chooses. */
export function invitePath(token: string, meeting?: number | null): string {
  return `/invite/${token}${meeting ? `?meeting=${meeting}` : ""}`;
}

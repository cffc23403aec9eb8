// What the meeting's pages read: the meeting for a member, or a 404 / sign-in redirect. Loaders
// only read (a page view never changes anything) and are cached per request, so a page, its
// metadata and its layout share one query.
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getMeetingForMember } from "./data";
import { readBoard } from "./live";

export function parseMeetingNumber(value: string): number | null {
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

export const loadMeetingPage = cache(async function loadMeetingPage(
  locale: string,
  slug: string,
  rawNumber: string,
  subpath = "",
) {
  const user = await requirePageUser(locale, `/groups/${slug}/meetings/${rawNumber}${subpath}`);
  const number = parseMeetingNumber(rawNumber);
  if (number === null) notFound();
  const meeting = await getMeetingForMember(slug, number, user.id);
  if (!meeting) notFound();
  const board = await readBoard(meeting.id, meeting.boardStamp);
  if (!board) notFound();
  const admin = meeting.role === "OWNER" || meeting.role === "ADMIN";
  const canDrive = admin || meeting.facilitatorId === user.id;
  return {
    user,
    meeting,
    board,
    admin,
    canDrive,
    meetingPath: `/${locale}/groups/${slug}/meetings/${number}`,
  };
});

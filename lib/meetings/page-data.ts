// What the meeting's pages load: the meeting for a member, or a 404 / sign-in redirect.
import "server-only";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { serverNow } from "@/lib/clock";
import { getBoard, getMeetingForMember } from "./data";

export function parseMeetingNumber(value: string): number | null {
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

export async function loadMeetingPage(
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
  const now = await serverNow();
  const board = await getBoard(meeting.id, now);
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
}

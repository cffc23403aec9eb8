import "server-only";
import { db } from "@/lib/db";

/** How far back a feed keeps past meetings (calendar apps drop events that leave the feed). */
const FEED_HISTORY_MS = 180 * 24 * 60 * 60_000;
/** A feed lists at most this many meetings: plenty for a weekly group. */
const FEED_LIMIT = 200;

const meetingFields = {
  id: true,
  number: true,
  title: true,
  scheduledAt: true,
  updatedAt: true,
} as const;

/** A meeting as its calendar event needs it, for a member of its group; null for anyone else. */
export async function getMeetingForCalendar(meetingId: string, userId: string) {
  return db.meeting.findFirst({
    where: { id: meetingId, group: { memberships: { some: { userId } } } },
    select: {
      ...meetingFields,
      group: { select: { name: true, slug: true, readingMinutes: true } },
    },
  });
}

/**
 * The feed behind a token: the member's language, their group and its meetings — everything
 * still to come and the last half-year. Null for a token nobody holds (replaced, or the member
 * left or was removed: the token goes with the membership).
 */
export async function getCalendarFeed(token: string, now: Date) {
  const membership = await db.membership.findUnique({
    where: { calendarToken: token },
    select: {
      user: { select: { locale: true } },
      group: { select: { id: true, name: true, slug: true, readingMinutes: true } },
    },
  });
  if (!membership) return null;
  const meetings = await db.meeting.findMany({
    where: {
      groupId: membership.group.id,
      OR: [
        { phase: { not: "CLOSED" } },
        { scheduledAt: { gte: new Date(now.getTime() - FEED_HISTORY_MS) } },
      ],
    },
    orderBy: { scheduledAt: "desc" },
    take: FEED_LIMIT,
    select: meetingFields,
  });
  return { locale: membership.user.locale, group: membership.group, meetings };
}

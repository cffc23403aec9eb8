// Meetings as iCalendar (RFC 5545): one meeting as a file to import, or a group's meetings as a
// feed a calendar app subscribes to. Times are UTC instants (DTSTART:…Z), which every calendar
// shows in its own zone, so nobody's meeting moves when a zone changes its rules.
import ical, { ICalEventStatus } from "ical-generator";

export type CalendarMeeting = {
  id: string;
  number: number;
  /** The title as the reader should see it (lib/meetings/schema.ts meetingTitle, or a given one). */
  title: string;
  scheduledAt: Date;
  updatedAt: Date;
  /** The meeting page, for the event's link. */
  url: string;
};

export type CalendarOptions = {
  /** The calendar's name in the reader's app ("Yomikai · ML Paper Club"). */
  name: string;
  /** How long an event lasts: the group's reading time plus time for recaps. */
  minutes: number;
  /** "Open the meeting: …" in the reader's language; `{url}` is replaced. */
  description: (url: string) => string;
  /** A feed tells calendar apps how often to ask again. */
  feed?: boolean;
};

/** A stable UID per meeting, so re-imports and feed refreshes update an event instead of adding one. */
export function eventUid(meetingId: string): string {
  return `meeting-${meetingId}@yomikai`;
}

export function meetingsCalendar(meetings: CalendarMeeting[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "yomikai", product: "yomikai", language: "EN" },
    ttl: options.feed ? 60 * 60 : null,
  });
  for (const m of meetings) {
    calendar.createEvent({
      id: eventUid(m.id),
      start: m.scheduledAt,
      end: new Date(m.scheduledAt.getTime() + options.minutes * 60_000),
      stamp: m.updatedAt,
      lastModified: m.updatedAt,
      summary: m.title,
      description: options.description(m.url),
      url: m.url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** Minutes a meeting takes on a calendar: the reading, then about half an hour of recaps. */
export function meetingMinutes(readingMinutes: number): number {
  return readingMinutes + 30;
}

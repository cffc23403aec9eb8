import { z } from "zod";

export const MEETING_TITLE_MAX = 200;
export const phases = ["PLANNED", "READING", "RECAP", "CLOSED"] as const;
export type MeetingPhase = (typeof phases)[number];

/** Why joining or a phase change was refused; each is a message under meeting. */
export const joinFailures = ["closed", "alreadyJoined", "readBefore"] as const;
/** Why changing one's paper or leaving was refused (only before one's countdown starts). */
export const readerFailures = ["closed", "notJoined", "alreadyStarted", "readBefore"] as const;
export const phaseFailures = ["forbidden", "wrongPhase", "readersStillReading"] as const;

const optionalText = (max: number, error = "tooLong") =>
  z
    .string()
    .trim()
    .max(max, { error })
    .optional()
    .transform((v) => (v ? v : undefined));

export const createMeetingSchema = z.object({
  // From <input type="datetime-local">, read in the browser's time zone (tzOffset, in minutes as
  // Date#getTimezoneOffset gives it).
  scheduledAt: z
    .string({ error: "required" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "dateInvalid" }),
  tzOffset: z.coerce
    .number()
    .int()
    .min(-16 * 60)
    .max(16 * 60)
    .default(0),
  title: optionalText(MEETING_TITLE_MAX, "titleTooLong"),
});
export type CreateMeetingInput = z.infer<typeof createMeetingSchema>;

/** The UTC instant for a datetime-local value typed in a zone `tzOffset` minutes behind UTC. */
export function localInputToDate(value: string, tzOffset: number): Date | null {
  const [date, time] = value.split("T");
  const [y, m, d] = (date ?? "").split("-").map(Number);
  const [hh, mm] = (time ?? "").split(":").map(Number);
  if ([y, m, d, hh, mm].some((n) => n === undefined || Number.isNaN(n))) return null;
  // Date.UTC reads years 0–99 as 1900–1999; a meeting is never that far off anyway.
  if (y! < 2000 || y! > 2200) return null;
  const utc = Date.UTC(y!, m! - 1, d!, hh!, mm!) + tzOffset * 60_000;
  const check = new Date(Date.UTC(y!, m! - 1, d!));
  if (check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d! || hh! > 23 || mm! > 59)
    return null;
  return new Date(utc);
}

/**
 * A meeting's title as a viewer reads it: the one it was given, or — when it was given none — one
 * made from its date in the viewer's language and time zone ("2026/11/29 論文読み勉強会" /
 * "Paper reading session, 29 Nov 2026"). No default is stored, so each viewer gets their own.
 */
export function meetingTitle(
  meeting: { title: string; scheduledAt: Date },
  locale: string,
  timeZone: string,
): string {
  if (meeting.title.trim()) return meeting.title;
  const at = meeting.scheduledAt;
  if (locale === "ja") {
    const parts = new Intl.DateTimeFormat("en-CA", {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      timeZone,
    }).format(at);
    return `${parts.replaceAll("-", "/")} 論文読み勉強会`;
  }
  const date = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone,
  }).format(at);
  return `Paper reading session, ${date}`;
}

export const meetingRefSchema = z.object({
  groupSlug: z.string().trim().min(1).max(40),
  number: z.coerce.number().int().min(1).max(100_000),
});

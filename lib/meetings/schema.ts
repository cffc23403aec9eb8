import { z } from "zod";

export const PAPER_TITLE_MAX = 500;
export const MEETING_TITLE_MAX = 200;
export const phases = ["PLANNED", "READING", "RECAP", "CLOSED"] as const;
export type MeetingPhase = (typeof phases)[number];
export const answerKeys = [
  "whatIsIt",
  "novelty",
  "keyTechnique",
  "validation",
  "discussion",
  "nextPapers",
] as const;
export type AnswerKey = (typeof answerKeys)[number];

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
  const utc = Date.UTC(y!, m! - 1, d!, hh!, mm!) + tzOffset * 60_000;
  const check = new Date(Date.UTC(y!, m! - 1, d!));
  if (check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d! || hh! > 23 || mm! > 59)
    return null;
  return new Date(utc);
}

/** "2026/11/29 論文読み勉強会" / "Paper reading session, 29 Nov 2026", in the meeting's zone. */
export function defaultMeetingTitle(at: Date, locale: string, tzOffset: number): string {
  const local = new Date(at.getTime() - tzOffset * 60_000);
  if (locale === "ja") {
    const p = (n: number) => String(n).padStart(2, "0");
    return `${local.getUTCFullYear()}/${p(local.getUTCMonth() + 1)}/${p(local.getUTCDate())} 論文読み勉強会`;
  }
  const date = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(local);
  return `Paper reading session, ${date}`;
}

const ARXIV_ID = /^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v(\d+))?$/i;
const DOI = /^10\.\d{4,9}\/\S+$/;

/** "arXiv:2304.13705v2" → { id: "2304.13705", version: 2 }; null when it is not an arXiv id. */
export function parseArxivId(value: string): { id: string; version: number | null } | null {
  const m = ARXIV_ID.exec(value.trim());
  if (!m) return null;
  return { id: m[1]!.toLowerCase(), version: m[2] ? Number(m[2]) : null };
}

export function normalizeDoi(value: string): string | null {
  const v = value
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, "")
    .replace(/^doi:/i, "");
  return DOI.test(v) ? v.toLowerCase() : null;
}

export const paperSchema = z.object({
  title: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "paperTitleRequired" })
    .max(PAPER_TITLE_MAX, { error: "paperTitleTooLong" }),
  authors: z
    .string()
    .max(5000, { error: "tooLong" })
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\n|;|,(?![^(]*\))/)
        .map((a) => a.trim())
        .filter(Boolean)
        .slice(0, 100),
    ),
  year: z
    .union(
      [
        z.literal("").transform(() => undefined),
        z.coerce
          .number({ error: "yearInvalid" })
          .int({ error: "yearInvalid" })
          .min(1900, { error: "yearInvalid" })
          .max(2100, { error: "yearInvalid" }),
      ],
      { error: "yearInvalid" },
    )
    .optional(),
  url: z
    .union(
      [
        z.literal("").transform(() => undefined),
        z.url({ protocol: /^https?$/, error: "urlInvalid" }).max(2000, { error: "urlInvalid" }),
      ],
      { error: "urlInvalid" },
    )
    .optional(),
  arxivId: z
    .string()
    .trim()
    .max(40, { error: "arxivInvalid" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const parsed = parseArxivId(v);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "arxivInvalid" });
        return z.NEVER;
      }
      return parsed;
    }),
  doi: z
    .string()
    .trim()
    .max(300, { error: "doiInvalid" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const doi = normalizeDoi(v);
      if (!doi) {
        ctx.addIssue({ code: "custom", message: "doiInvalid" });
        return z.NEVER;
      }
      return doi;
    }),
});
export type PaperInput = z.infer<typeof paperSchema>;

export const extendSchema = z.object({
  minutes: z.coerce
    .number({ error: "numberInvalid" })
    .int({ error: "numberInvalid" })
    .min(1, { error: "durationInvalid" })
    .max(60, { error: "durationInvalid" }),
});

export const meetingRefSchema = z.object({
  groupSlug: z.string().trim().min(1).max(40),
  number: z.coerce.number().int().min(1).max(100_000),
});

/** How many of the six answers have something in them. */
export function answeredCount(answers: Partial<Record<AnswerKey, string>>): number {
  return answerKeys.filter((k) => (answers[k] ?? "").trim() !== "").length;
}

// The autosave's one contract, shared by the browser's engine and the server's endpoint: the save
// request, the merge that decides it, the answer (a result or an error with a code) and the state
// the form starts from. Pure: no database, no browser.
import { z } from "zod";
import { mergeText } from "./merge";
import { limitOf, summaryFields, type Summary, type SummaryField } from "./summary";

// In the browser these schemas run under a Content-Security-Policy without 'unsafe-eval': zod is
// told not to try compiling its parsers with Function(), a probe the browser reports as a
// violation (the summary form's chunk is the only browser code that parses with zod).
if (typeof window !== "undefined") z.config({ jitless: true });

const text = (max: number) =>
  z
    .string()
    .max(max, { error: "tooLong" })
    .refine((v) => !v.includes("\u0000"), { error: "nulCharacter" });

const change = (max: number) => z.object({ base: text(max), value: text(max) }).strict();

const changesSchema = z
  .object(
    Object.fromEntries(summaryFields.map((f) => [f, change(limitOf(f)).optional()])) as Record<
      SummaryField,
      z.ZodOptional<ReturnType<typeof change>>
    >,
  )
  .strict()
  .refine((c) => Object.keys(c).length > 0, { error: "nothingToSave" });

/**
 * One autosave: what changed since the version the browser last had, each answer with the text it
 * started from. `saveId` names the request: a retry carries the same id, and the server answers
 * a save it already applied as it did then instead of merging it again.
 */
export const saveRequestSchema = z
  .object({
    saveId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "badSaveId" }),
    baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    changes: changesSchema,
  })
  .strict();
export type SaveRequest = z.infer<typeof saveRequestSchema>;
export type Changes = SaveRequest["changes"];

/** An answer changed on both sides in the same lines: the user chooses. */
export type Conflict = { field: SummaryField; mine: string; theirs: string };

const summarySchema = z.object(
  Object.fromEntries(summaryFields.map((f) => [f, z.string()])) as Record<
    SummaryField,
    z.ZodString
  >,
);

/** What the server answers to a save it could decide (HTTP 200). */
export const saveResultSchema = z.object({
  version: z.number().int().min(0),
  summary: summarySchema,
  conflicts: z.array(
    z.object({ field: z.enum(summaryFields), mine: z.string(), theirs: z.string() }),
  ),
  savedAt: z.number(),
  /** The answers at time-up, once time is up (edits after it show as late). */
  snapshot: summarySchema.nullable(),
});
export type SaveResult = z.infer<typeof saveResultSchema>;

/**
 * The codes a save can fail with, the HTTP status of each, and whether the browser should try the
 * same save again later. Anything else (a proxy's error page, a 5xx without a body) is retried.
 */
export const saveErrors = {
  UNAUTHENTICATED: { status: 401, retry: false },
  FORBIDDEN: { status: 403, retry: false },
  NOT_FOUND: { status: 404, retry: false },
  INVALID_INPUT: { status: 400, retry: false },
  MEETING_CLOSED: { status: 409, retry: false },
  BUSY: { status: 503, retry: true },
  RATE_LIMITED: { status: 429, retry: true },
  UNAVAILABLE: { status: 503, retry: true },
  UNEXPECTED: { status: 500, retry: true },
} as const;
export type SaveErrorCode = keyof typeof saveErrors;

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string().optional() }),
});

export type SaveAnswer =
  { kind: "result"; result: SaveResult } | { kind: "error"; code: SaveErrorCode; retry: boolean };

/** Reads the server's answer to a save: a result, or an error by its code. */
export function readSaveAnswer(status: number, body: unknown): SaveAnswer {
  if (status === 200) {
    const result = saveResultSchema.safeParse(body);
    if (result.success) return { kind: "result", result: result.data };
    return { kind: "error", code: "UNEXPECTED", retry: true };
  }
  const error = errorBodySchema.safeParse(body);
  const code = error.success && error.data.error.code in saveErrors ? error.data.error.code : null;
  if (code) {
    const known = code as SaveErrorCode;
    return { kind: "error", code: known, retry: saveErrors[known].retry };
  }
  // No body we know (a gateway's or a crashed server's page): server errors are retried.
  return status >= 500 || status === 429 || status === 408
    ? { kind: "error", code: "UNAVAILABLE", retry: true }
    : { kind: "error", code: "UNEXPECTED", retry: false };
}

/**
 * Three-way merge of a save into what the server has, answer by answer and line by line: a change
 * applies where the server still has the text the browser started from, or where the two changed
 * different lines; where both changed the same lines it is a conflict, and both texts go back.
 */
export function mergeChanges(
  server: Summary,
  changes: Changes,
): { apply: Partial<Summary>; conflicts: Conflict[] } {
  const apply: Partial<Summary> = {};
  const conflicts: Conflict[] = [];
  for (const field of summaryFields) {
    const c = changes[field];
    if (!c) continue;
    const theirs = server[field];
    const merged = mergeText(c.base, c.value, theirs);
    if (merged === null) conflicts.push({ field, mine: c.value, theirs });
    else if (merged !== theirs) apply[field] = merged;
  }
  return { apply, conflicts };
}

/** What the summary form starts from: the saved answers, and whether they can still change. */
export type SummaryInitial = {
  version: number;
  summary: Summary;
  savedAt: number | null;
  snapshot: Summary | null;
  /** The meeting is closed: the answers are read-only. */
  closed: boolean;
};

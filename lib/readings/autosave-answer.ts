// The autosave contract's browser half: the shapes of a save and of the server's answer, and the
// reading of that answer. Hand-written, without zod, so the summary form's chunk stays small on a
// phone; lib/readings/autosave.ts holds the zod schemas the server parses with, and a unit test
// checks that both agree on every answer.
import { summaryFields, type Summary, type SummaryField } from "./summary";

/** One answer's change: the text the browser started from and the text it has now. */
export type Change = { base: string; value: string };
export type Changes = Partial<Record<SummaryField, Change>>;

/**
 * One autosave: what changed since the version the browser last had, each answer with the text it
 * started from. `saveId` names the request: a retry carries the same id, and the server answers
 * a save it already applied as it did then instead of merging it again.
 */
export type SaveRequest = { saveId: string; baseVersion: number; changes: Changes };

/** An answer changed on both sides in the same lines: the user chooses. */
export type Conflict = { field: SummaryField; mine: string; theirs: string };

/** What the server answers to a save it could decide (HTTP 200). */
export type SaveResult = {
  version: number;
  summary: Summary;
  conflicts: Conflict[];
  savedAt: number;
  /** The answers at time-up, once time is up (edits after it show as late). */
  snapshot: Summary | null;
};

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

export type SaveAnswer =
  { kind: "result"; result: SaveResult } | { kind: "error"; code: SaveErrorCode; retry: boolean };

/** What the summary form starts from: the saved answers, and whether they can still change. */
export type SummaryInitial = {
  version: number;
  summary: Summary;
  savedAt: number | null;
  snapshot: Summary | null;
  /** The meeting is closed: the answers are read-only. */
  closed: boolean;
};

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isField = (v: unknown): v is SummaryField =>
  typeof v === "string" && (summaryFields as readonly string[]).includes(v);

/** Every field a string, or null. Keys beyond the fields are dropped. */
function summaryOf(v: unknown): Summary | null {
  if (!isObject(v)) return null;
  const out: Partial<Summary> = {};
  for (const f of summaryFields) {
    if (typeof v[f] !== "string") return null;
    out[f] = v[f];
  }
  return out as Summary;
}

function conflictsOf(v: unknown): Conflict[] | null {
  if (!Array.isArray(v)) return null;
  const out: Conflict[] = [];
  for (const c of v) {
    if (!isObject(c) || !isField(c.field)) return null;
    if (typeof c.mine !== "string" || typeof c.theirs !== "string") return null;
    out.push({ field: c.field, mine: c.mine, theirs: c.theirs });
  }
  return out;
}

/** A 200 answer's body as a SaveResult, or null when it is not one. */
export function decodeSaveResult(body: unknown): SaveResult | null {
  if (!isObject(body)) return null;
  const { version, savedAt } = body;
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 0) return null;
  if (typeof savedAt !== "number" || !Number.isFinite(savedAt)) return null;
  const summary = summaryOf(body.summary);
  const conflicts = conflictsOf(body.conflicts);
  const snapshot = body.snapshot === null ? null : summaryOf(body.snapshot);
  if (!summary || !conflicts || (body.snapshot !== null && !snapshot)) return null;
  return { version, summary, conflicts, savedAt, snapshot };
}

/** Reads the server's answer to a save: a result, or an error by its code. */
export function readSaveAnswer(status: number, body: unknown): SaveAnswer {
  if (status === 200) {
    const result = decodeSaveResult(body);
    if (result) return { kind: "result", result };
    return { kind: "error", code: "UNEXPECTED", retry: true };
  }
  const error = isObject(body) && isObject(body.error) ? body.error : null;
  const code =
    error && typeof error.code === "string" && Object.hasOwn(saveErrors, error.code)
      ? (error.code as SaveErrorCode)
      : null;
  if (code && (error!.message === undefined || typeof error!.message === "string"))
    return { kind: "error", code, retry: saveErrors[code].retry };
  // No body we know (a gateway's or a crashed server's page): server errors are retried.
  return status >= 500 || status === 429 || status === 408
    ? { kind: "error", code: "UNAVAILABLE", retry: true }
    : { kind: "error", code: "UNEXPECTED", retry: false };
}

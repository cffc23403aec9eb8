// The six answers and the gist: their limits, diffs, the time-up snapshot and "keep both".
// Pure: used by the server, the browser and the tests.
import { answerKeys } from "./answers";
import type { Changes } from "./autosave";

export const ANSWER_MAX = 20_000;
export const GIST_MAX = 300;
export const summaryFields = [...answerKeys, "gist"] as const;
export type SummaryField = (typeof summaryFields)[number];
export type Summary = Record<SummaryField, string>;

export function limitOf(field: SummaryField): number {
  return field === "gist" ? GIST_MAX : ANSWER_MAX;
}

export const emptySummary: Summary = Object.fromEntries(
  summaryFields.map((f) => [f, ""]),
) as Summary;

export function pickSummary(row: Partial<Record<SummaryField, string | null>>): Summary {
  return Object.fromEntries(summaryFields.map((f) => [f, row[f] ?? ""])) as Summary;
}

/** The changes that turn `base` into `current` (only the fields that differ). */
export function diffSummary(base: Summary, current: Summary): Changes {
  const out: Changes = {};
  for (const f of summaryFields)
    if (base[f] !== current[f]) out[f] = { base: base[f], value: current[f] };
  return out;
}

/** Both texts kept, for "keep both": mine first, a rule, then theirs. */
export function keepBoth(mine: string, theirs: string): string {
  if (!mine.trim()) return theirs;
  if (!theirs.trim()) return mine;
  return `${mine.trimEnd()}\n\n---\n\n${theirs.trimStart()}`;
}

/** The fields written (or changed) after time-up. */
export function lateFields(current: Summary, snapshot: Summary | null): SummaryField[] {
  if (!snapshot) return [];
  return summaryFields.filter((f) => current[f] !== snapshot[f]);
}

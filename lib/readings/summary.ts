// The six answers and the gist: limits, the save request, and the three-way merge that decides
// whether a save applies or conflicts. Pure: used by the server, the browser and the tests.
import { z } from "zod";
import { answerKeys } from "@/lib/meetings/schema";

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

const change = (max: number) =>
  z
    .object({
      base: z.string().max(max, { error: "tooLong" }),
      value: z.string().max(max, { error: "tooLong" }),
    })
    .strict();

/** One autosave: what changed since the version the browser last had, with the text it started from. */
export const saveRequestSchema = z
  .object({
    baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    changes: z
      .object(
        Object.fromEntries(summaryFields.map((f) => [f, change(limitOf(f)).optional()])) as Record<
          SummaryField,
          z.ZodOptional<ReturnType<typeof change>>
        >,
      )
      .strict()
      .refine((c) => Object.keys(c).length > 0, { error: "nothingToSave" }),
  })
  .strict();
export type SaveRequest = z.infer<typeof saveRequestSchema>;
export type Changes = SaveRequest["changes"];

export type Conflict = { field: SummaryField; mine: string; theirs: string };

/**
 * Three-way merge of a save into what the server has. A field applies when the server still has
 * the text the browser started from (or already has the new text); when someone else changed the
 * same field meanwhile it is a conflict, and both texts go back to the user. Nothing is dropped.
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
    if (theirs === c.value) continue;
    if (theirs === c.base) apply[field] = c.value;
    else conflicts.push({ field, mine: c.value, theirs });
  }
  return { apply, conflicts };
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

const snapshotSchema = z.object(
  Object.fromEntries(summaryFields.map((f) => [f, z.string().default("")])) as Record<
    SummaryField,
    z.ZodDefault<z.ZodString>
  >,
);

export function parseSnapshot(json: string | null): Summary | null {
  if (!json) return null;
  try {
    return snapshotSchema.parse(JSON.parse(json));
  } catch {
    return null;
  }
}

/** The fields written (or changed) after time-up. */
export function lateFields(current: Summary, snapshot: Summary | null): SummaryField[] {
  if (!snapshot) return [];
  return summaryFields.filter((f) => current[f] !== snapshot[f]);
}

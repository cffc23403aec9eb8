// The autosave's contract on the server: the zod schema a save is parsed with, and the merge that
// decides it. The browser's half (the shapes, the reading of the answer) is autosave-answer.ts,
// without zod; this module re-exports it so server code has one place to import from. Pure: no
// database, no browser.
import { z } from "zod";
import { mergeText } from "./merge";
import { limitOf, summaryFields, type Summary, type SummaryField } from "./summary";
import type { Changes, Conflict, SaveRequest, SaveResult } from "./autosave-answer";

export {
  readSaveAnswer,
  saveErrors,
  type Changes,
  type Conflict,
  type SaveAnswer,
  type SaveErrorCode,
  type SaveRequest,
  type SaveResult,
  type SummaryInitial,
} from "./autosave-answer";

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

/** One autosave, as the server parses it (its type, SaveRequest, is in autosave-answer.ts). */
export const saveRequestSchema = z
  .object({
    saveId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "badSaveId" }),
    baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    changes: changesSchema,
  })
  .strict();

const summarySchema = z.object(
  Object.fromEntries(summaryFields.map((f) => [f, z.string()])) as Record<
    SummaryField,
    z.ZodString
  >,
);

/**
 * What the server answers to a save it could decide (HTTP 200), as zod reads it. The browser reads
 * it by hand (decodeSaveResult); a unit test holds the two to the same answers.
 */
export const saveResultSchema = z.object({
  version: z.number().int().min(0),
  summary: summarySchema,
  conflicts: z.array(
    z.object({ field: z.enum(summaryFields), mine: z.string(), theirs: z.string() }),
  ),
  savedAt: z.number(),
  snapshot: summarySchema.nullable(),
});

// The hand-written types of autosave-answer.ts are the ones these schemas produce.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof saveRequestSchema>, SaveRequest>,
  Same<z.infer<typeof saveResultSchema>, SaveResult>,
] = [true, true];
void sameShapes;

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

// Reading a stored draft back. Storage is outside input (another version of the app may have
// written it, or something else entirely): a draft whose version or texts are unusable reads as
// no draft; parts added later (conflicts, the pending save) read as none when missing or damaged.
// Hand-written rather than zod, which would add ~30 KB to the reading page's first load.
import { summaryFields, type Summary, type SummaryField } from "@/lib/readings/summary";
import type { Changes } from "@/lib/readings/autosave-answer";
import type { Draft, OpenConflict, Outbox } from "./autosave-engine";

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isVersion = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isField = (v: unknown): v is SummaryField =>
  typeof v === "string" && (summaryFields as readonly string[]).includes(v);

/** Every field a string ("" where missing or not a string); null unless an object. */
function summary(v: unknown): Summary | null {
  if (!isObject(v)) return null;
  return Object.fromEntries(
    summaryFields.map((f) => [f, typeof v[f] === "string" ? v[f] : ""]),
  ) as Summary;
}

function conflicts(v: unknown): OpenConflict[] {
  if (!Array.isArray(v)) return [];
  const ok = v.every((c) => isObject(c) && isField(c.field) && typeof c.theirs === "string");
  return ok ? (v as OpenConflict[]).map((c) => ({ field: c.field, theirs: c.theirs })) : [];
}

function outbox(v: unknown): Outbox | null {
  if (!isObject(v) || typeof v.saveId !== "string" || !isVersion(v.baseVersion)) return null;
  const sent = summary(v.sent);
  if (!sent || !isObject(v.changes)) return null;
  const changes: Changes = {};
  for (const [field, change] of Object.entries(v.changes)) {
    if (!isField(field)) return null;
    if (change === undefined) continue;
    if (!isObject(change) || typeof change.base !== "string" || typeof change.value !== "string")
      return null;
    changes[field] = { base: change.base, value: change.value };
  }
  return { saveId: v.saveId, baseVersion: v.baseVersion, changes, sent };
}

export function decodeDraft(value: unknown): Draft | null {
  if (!isObject(value) || !isVersion(value.baseVersion)) return null;
  const base = summary(value.base);
  const values = summary(value.values);
  if (!base || !values) return null;
  return {
    baseVersion: value.baseVersion,
    base,
    values,
    conflicts: conflicts(value.conflicts),
    outbox: outbox(value.outbox),
    updatedAt: typeof value.updatedAt === "number" ? value.updatedAt : 0,
  };
}

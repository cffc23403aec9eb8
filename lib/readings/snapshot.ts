// The time-up snapshot as stored (JSON of the answers and gist), read back defensively: a row
// written by an older version, or damaged, reads as no snapshot rather than failing the page.
import { z } from "zod";
import { summaryFields, type Summary, type SummaryField } from "./summary";

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

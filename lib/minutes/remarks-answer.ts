// The remarks endpoint's answer, checked where the browser reads it. A plain guard rather than a
// zod schema: the minutes page would otherwise ship zod for three fields.
export type RemarksAnswer = { version: number; text: string; merged: boolean };

export function isRemarksAnswer(value: unknown): value is RemarksAnswer {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return Number.isInteger(v.version) && typeof v.text === "string" && typeof v.merged === "boolean";
}

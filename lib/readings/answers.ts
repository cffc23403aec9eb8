// The six questions' keys, for the server and the browser alike (no zod: the summary form
// imports this, and schema.ts would bring the validators with it).
export const answerKeys = [
  "whatIsIt",
  "novelty",
  "keyTechnique",
  "validation",
  "discussion",
  "nextPapers",
] as const;
export type AnswerKey = (typeof answerKeys)[number];

/** How many of the six answers have something in them. */
export function answeredCount(answers: Partial<Record<AnswerKey, string>>): number {
  return answerKeys.filter((k) => (answers[k] ?? "").trim() !== "").length;
}

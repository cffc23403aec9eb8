// A reading's answers (the six questions) and countdown input. Pure: no database.
import { z } from "zod";
import { intField } from "@/lib/number-field";
import { transitionErrors } from "./countdown";

/** Why a countdown command was refused; each is a message under timer.errors. */
export const readingFailures = [...transitionErrors, "notJoined", "meetingOver"] as const;
export type ReadingFailureReason = (typeof readingFailures)[number];

export const answerKeys = [
  "whatIsIt",
  "novelty",
  "keyTechnique",
  "validation",
  "discussion",
  "nextPapers",
] as const;
export type AnswerKey = (typeof answerKeys)[number];

export const extendSchema = z.object({
  minutes: intField(1, 60, {
    invalid: "numberInvalid",
    small: "durationInvalid",
    large: "durationInvalid",
  }),
});

/** How many of the six answers have something in them. */
export function answeredCount(answers: Partial<Record<AnswerKey, string>>): number {
  return answerKeys.filter((k) => (answers[k] ?? "").trim() !== "").length;
}

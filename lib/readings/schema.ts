// A reading's answers (the six questions) and countdown input. Pure: no database.
import { z } from "zod";
import { intField } from "@/lib/number-field";
import { transitionErrors } from "./countdown";

/** Why a countdown command was refused; each is a message under timer.errors. */
export const readingFailures = [...transitionErrors, "notJoined", "meetingOver"] as const;
export type ReadingFailureReason = (typeof readingFailures)[number];

export { answerKeys, answeredCount, type AnswerKey } from "./answers";

export const extendSchema = z.object({
  minutes: intField(1, 60, {
    invalid: "numberInvalid",
    small: "durationInvalid",
    large: "durationInvalid",
  }),
});

// Number fields of form schemas: numbers read as people type them (lib/number-text.ts); an empty
// field is "required", not "too small". Recap limits are typed as minutes:seconds.
import { z } from "zod";
import { normalizeNumberText, parseMinutesSeconds } from "./number-text";

function toNumber(value: unknown): unknown {
  const text = normalizeNumberText(value);
  if (typeof text !== "string") return text;
  return /^[+-]?\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

type Errors = { invalid: string; small: string; large: string };
const numberErrors: Errors = {
  invalid: "numberInvalid",
  small: "numberTooSmall",
  large: "numberTooLarge",
};

function bounded(min: number, max: number, errors: Errors) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? "required" : errors.invalid) })
    .int({ error: errors.invalid })
    .min(min, { error: errors.small })
    .max(max, { error: errors.large });
}

/** A required whole number between `min` and `max`. */
export function intField(min: number, max: number, errors: Errors = numberErrors) {
  return z.preprocess(toNumber, bounded(min, max, errors));
}

/** A whole number between `min` and `max`, or nothing when the field is empty. */
export function optionalIntField(min: number, max: number, errors: Errors = numberErrors) {
  return z.preprocess(toNumber, bounded(min, max, errors).optional());
}

/** A duration typed as minutes:seconds (or plain seconds), in seconds, between `min` and `max`. */
export function minutesSecondsField(min: number, max: number) {
  return z.preprocess(
    (v) => {
      const text = normalizeNumberText(v);
      if (text === undefined) return undefined;
      return parseMinutesSeconds(text) ?? Number.NaN;
    },
    bounded(min, max, {
      invalid: "durationFormat",
      small: "numberTooSmall",
      large: "numberTooLarge",
    }),
  );
}

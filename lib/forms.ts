// The shape every form action returns, and the helpers that build it. Field errors and form
// errors are message keys ("validation.*", "errors.*", …) that the form shows in the user's language.
import { z } from "zod";
import { isAppError, messageKeyOf } from "./errors";

export type FormState = {
  status: "idle" | "error" | "success";
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
  message?: string;
  /** What the user typed, echoed back so a failed submit loses nothing. */
  values?: Record<string, string>;
  /** Anything the form needs after success (e.g. a new invite link). */
  data?: Record<string, string>;
};

export const idleState: FormState = { status: "idle" };

/** The text fields of a form, without passwords (never echoed back). */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$"))
      out[key] = value;
  }
  return out;
}

/**
 * Text as typed, without the control characters no text in the app has (NUL, which PostgreSQL
 * cannot store, escape sequences, a PDF's form feeds); tabs and line breaks stay.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.output<S>> {
  const raw = Object.fromEntries(
    [...formData.entries()]
      .filter(([key, v]) => typeof v === "string" && !key.startsWith("$"))
      .map(([key, v]) => [key, withoutControlCharacters(v as string)]),
  );
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, state: invalid(result.error, formData) };
}

export function invalid(error: z.ZodError, formData?: FormData): FormState {
  const flat = z.flattenError(error);
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(
    flat.fieldErrors as Record<string, string[] | undefined>,
  )) {
    if (messages?.length) fieldErrors[key] = messages.map((m) => `validation.${m}`);
  }
  return {
    status: "error",
    fieldErrors,
    ...(flat.formErrors.length ? { formError: `validation.${flat.formErrors[0]}` } : {}),
    ...(formData ? { values: formValues(formData) } : {}),
  };
}

export function fieldError(field: string, key: string, formData?: FormData): FormState {
  return {
    status: "error",
    fieldErrors: { [field]: [key] },
    ...(formData ? { values: formValues(formData) } : {}),
  };
}

export function formError(key: string, formData?: FormData): FormState {
  return { status: "error", formError: key, ...(formData ? { values: formValues(formData) } : {}) };
}

/** Turns an expected AppError (not found, forbidden, …) into a form error; rethrows anything else. */
export function appErrorState(error: unknown, formData?: FormData): FormState {
  if (isAppError(error)) return formError(messageKeyOf(error), formData);
  throw error;
}

/** A form action as React's useActionState calls it. */
export type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form action that goes on only when it was given a form: an action is an endpoint anyone can
 * post to with any arguments, and one made by hand gets "not valid" rather than a server error.
 */
export function formOnly(action: FormAction): FormAction {
  return (prev, formData) =>
    formData instanceof FormData
      ? action(prev, formData)
      : Promise.resolve(formError("errors.INVALID_INPUT"));
}

/**
 * The one shape of a form action: the guard (who asks, for what: it throws NOT_FOUND / FORBIDDEN /
 * UNAUTHENTICATED), the input parsed by its zod schema (field errors go back with what was
 * typed), then the domain call, which returns the form's state — expected failures as values.
 * An AppError becomes a form error in the user's language; redirect() and anything unexpected
 * pass through.
 */
export function formAction<G, S extends z.ZodType>(
  guard: (formData: FormData) => Promise<G>,
  schema: S,
  run: (guarded: G, input: z.output<S>, formData: FormData) => Promise<FormState>,
): FormAction {
  return formOnly(async (_prev, formData) => {
    try {
      const guarded = await guard(formData);
      const parsed = parseForm(schema, formData);
      if (!parsed.ok) return parsed.state;
      return await run(guarded, parsed.data, formData);
    } catch (error) {
      return appErrorState(error, formData);
    }
  });
}

/** A failure's reason as the form error `${prefix}.${reason}` (each has a message in both catalogs). */
export function failed(
  prefix: string,
  failure: { reason: string },
  formData?: FormData,
): FormState {
  return formError(`${prefix}.${failure.reason}`, formData);
}

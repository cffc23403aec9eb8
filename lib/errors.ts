// Unexpected failures as one error type with a closed set of codes, and the one place that maps
// them to what callers see: an HTTP status, and a message key users read in their language.
export const errorCodes = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function httpStatusOf(error: unknown): number {
  return isAppError(error) ? errorCodes[error.code] : 500;
}

/** The errors.* message key shown to users for an error (never its stack or internal message). */
export function messageKeyOf(error: unknown): `errors.${ErrorCode | "UNEXPECTED"}` {
  return isAppError(error) ? `errors.${error.code}` : "errors.UNEXPECTED";
}

/** A JSON body for an API caller: a stable code, a readable message, optional issue list. */
export function errorBody(error: unknown, issues?: { path: string; message: string }[]) {
  const code = isAppError(error) ? error.code : "UNEXPECTED";
  const message = isAppError(error) ? error.message : "Something went wrong.";
  return issues ? { error: { code, message, issues } } : { error: { code, message } };
}

/** An expected failure, returned as a value with a reason code that has a message in both languages. */
export type Failure<R extends string> = { ok: false; reason: R };

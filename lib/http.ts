// Helpers for route handlers: JSON errors with the zod issues, same-origin checks for writes.
import "server-only";
import { z } from "zod";
import { AppError, errorBody, httpStatusOf, isAppError } from "./errors";

export function jsonError(error: unknown, issues?: { path: string; message: string }[]): Response {
  if (!isAppError(error)) console.error(error);
  return Response.json(errorBody(error, issues), {
    status: httpStatusOf(error),
    headers: { "Cache-Control": "no-store" },
  });
}

export function invalidRequest(error: z.ZodError): Response {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return jsonError(new AppError("INVALID_INPUT", "The request body is not valid."), issues);
}

/**
 * Whether a write came from this site. Browsers send Origin (and Sec-Fetch-Site) with every
 * cross-origin write, so a mismatch is refused; callers outside a browser send neither.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Reads a JSON body of at most `maxBytes`; INVALID_INPUT when it is not JSON or too big. */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > maxBytes)
    throw new AppError("INVALID_INPUT", `The request body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (text.length > maxBytes)
    throw new AppError("INVALID_INPUT", `The request body is larger than ${maxBytes} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not JSON.");
  }
}

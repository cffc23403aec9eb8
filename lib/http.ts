// Route handlers: one wrapper for all of them (who asks → params → body → the call → a JSON
// answer), JSON errors with the zod issues, same-origin checks for writes.
import "server-only";
import { z } from "zod";
import { requireSession, requireUser } from "./auth/session";
import { AppError, errorBody, httpStatusOf, isAppError } from "./errors";

/**
 * The database too busy to answer in time (SQLite's write lock held past its wait, a PostgreSQL
 * pool exhausted): the request did nothing, and trying again shortly is the answer — a 503 with
 * Retry-After, not a server error.
 */
export function asBusy(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P1008" || code === "P2024" || code === "P2034"
    ? new AppError("UNAVAILABLE", "The database is busy; try again in a moment.")
    : null;
}

export function jsonError(error: unknown, issues?: { path: string; message: string }[]): Response {
  const busy = asBusy(error);
  if (busy) {
    console.warn(`Database busy (${(error as { code: string }).code}); answered 503.`);
    return Response.json(errorBody(busy), {
      status: 503,
      headers: { "Cache-Control": "no-store", "Retry-After": "1" },
    });
  }
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

/** Whether any string in a parsed JSON value holds a NUL character (PostgreSQL refuses them). */
export function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object")
    return Object.entries(value).some(([k, v]) => k.includes("\u0000") || containsNul(v));
  return false;
}

/**
 * Reads a body of at most `maxBytes`; null when it is larger (a chunked body without
 * Content-Length is cut off at the limit, never buffered whole).
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > maxBytes) return null;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON body of at most `maxBytes`; INVALID_INPUT when it is not JSON, too big, or holds a
 * NUL character (no text in the app has one, and PostgreSQL cannot store it).
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBytes(request, maxBytes);
  if (bytes === null)
    throw new AppError("INVALID_INPUT", `The request body is larger than ${maxBytes} bytes.`);
  const text = new TextDecoder().decode(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not JSON.");
  }
  if (containsNul(value))
    throw new AppError("INVALID_INPUT", "Text may not contain NUL characters.");
  return value;
}

type RouteOptions<P extends z.ZodType, B extends z.ZodType | undefined> = {
  /** The route's params; any that do not parse answer 404. */
  params: P;
  /** The JSON body of a write; one that does not parse answers 400 with the issues. */
  body?: B;
  maxBytes?: number;
  /** "id": the user id from the session cookie alone (hot paths); "user": the full user. */
  caller?: "user" | "id";
};

type RouteContext<P extends z.ZodType, B extends z.ZodType | undefined> = {
  request: Request;
  userId: string;
  /** With `caller: "id"`: the session's version, for queries that must also check it. */
  sessionVersion: number | null;
  params: z.output<P>;
  body: B extends z.ZodType ? z.output<B> : undefined;
};

/**
 * The one shape of a route handler. Writes from another site are refused (403), anonymous callers
 * get 401, bad params 404, bad bodies 400 with the issues. The call returns a Response, a value to
 * send as JSON, or an expected failure `{ ok: false, reason }`, answered 409 with its reason code.
 * AppErrors become their status; anything else a 500 without details.
 */
export function route<P extends z.ZodType, B extends z.ZodType | undefined = undefined>(
  options: RouteOptions<P, B>,
  run: (context: RouteContext<P, B>) => Promise<unknown>,
) {
  return async (
    request: Request,
    context: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    try {
      const write = request.method !== "GET" && request.method !== "HEAD";
      if (write && !isSameOrigin(request))
        throw new AppError("FORBIDDEN", "Writes from another site are refused.");
      const session =
        options.caller === "id"
          ? await requireSession()
          : { id: (await requireUser()).id, sv: null };
      const params = options.params.safeParse(await context.params);
      if (!params.success) throw new AppError("NOT_FOUND", "Not found.");
      let body: unknown = undefined;
      if (options.body) {
        const parsed = options.body.safeParse(await readJson(request, options.maxBytes ?? 20_000));
        if (!parsed.success) return invalidRequest(parsed.error);
        body = parsed.data;
      }
      const result = await run({
        request,
        userId: session.id,
        sessionVersion: session.sv,
        params: params.data,
        body: body as RouteContext<P, B>["body"],
      });
      if (result instanceof Response) return result;
      if (isFailure(result)) {
        return Response.json(
          { error: { code: "CONFLICT", reason: result.reason, message: result.reason } },
          { status: 409, headers: { "Cache-Control": "no-store" } },
        );
      }
      return Response.json(result ?? { ok: true }, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return jsonError(error);
    }
  };
}

function isFailure(value: unknown): value is { ok: false; reason: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { ok?: unknown }).ok === false &&
    typeof (value as { reason?: unknown }).reason === "string"
  );
}

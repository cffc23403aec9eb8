// Calling a server action over HTTP as a stale or hostile page would: the action's id from the
// build's manifest, posted with Next's `Next-Action` header to a page the action belongs to, its
// arguments encoded as React's client encodes them. The answer is sorted into an outcome.
import { readFileSync } from "node:fs";
import type { BrowserContext } from "@playwright/test";

export type ActionEntry = { id: string; name: string; worker: string };

/** Every server action in the build (`npm run build` writes the manifest). */
export function buildActions(): ActionEntry[] {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { exportedName: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, a]) => ({
    id,
    name: a.exportedName,
    worker: Object.keys(a.workers)[0]!,
  }));
}

/** The URL of the page an action was built for, with its dynamic segments filled in. */
export function pageOf(
  worker: string,
  params: { slug: string; number: number; token?: string },
): string {
  return worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace("/(app)", "")
    .replace("/(auth)", "")
    .replace("[locale]", "en")
    .replace("[slug]", params.slug)
    .replace("[number]", String(params.number))
    .replace("[token]", params.token ?? "x".repeat(32));
}

/**
 * What an action answered:
 * - `ok`: it succeeded (a success state, or a redirect somewhere other than sign-in);
 * - `signIn`: "sign in first" (a message or a redirect to the sign-in page);
 * - `notFound`, `forbidden`: refused for who asked;
 * - `refused`: refused for the state of things (a message such as "already joined");
 * - `invalid`: field errors;
 * - `tooLarge`: a 413 with a message (more than a form can send);
 * - `error`: a server error, or an answer none of the above (never expected).
 */
export type Outcome =
  "ok" | "signIn" | "notFound" | "forbidden" | "refused" | "invalid" | "tooLarge" | "error";

export type Answer = { outcome: Outcome; detail: string };

export type ActionArgs =
  | { kind: "form"; fields: Record<string, string> } // useActionState: (prevState, formData)
  | { kind: "plainForm"; fields: Record<string, string> } // <form action>: (formData)
  | { kind: "value"; value: unknown }; // a plain call with one argument

export async function callAction(
  context: BrowserContext,
  origin: string,
  action: ActionEntry,
  page: string,
  args: ActionArgs,
): Promise<Answer> {
  // React's encodeReply: a FormData argument travels as fields `_1_<name>`, referenced from the
  // root ("0", sent last as the client sends it: the root is read as soon as it arrives) as "$K1".
  // A FormData keeps that order (an object would not: "0" is an integer key and goes first).
  const multipart = new FormData();
  if (args.kind === "value") multipart.append("0", JSON.stringify([args.value]));
  else {
    for (const [k, v] of Object.entries(args.fields)) multipart.append(`_1_${k}`, v);
    multipart.append(
      "0",
      JSON.stringify(args.kind === "form" ? [{ status: "idle" }, "$K1"] : ["$K1"]),
    );
  }
  const response = await context.request.post(page, {
    headers: { "Next-Action": action.id, Origin: origin },
    multipart,
    failOnStatusCode: false,
    maxRedirects: 0,
    timeout: 60_000,
  });
  const status = response.status();
  const text = await response.text();
  if (status === 413 && text.includes('"message"')) return { outcome: "tooLarge", detail: text };
  if (status >= 500) return { outcome: "error", detail: `${status} ${text.slice(0, 200)}` };
  const redirect = response.headers()["x-action-redirect"] ?? response.headers()["location"];
  if (redirect)
    return { outcome: redirect.includes("/sign-in") ? "signIn" : "ok", detail: redirect };
  const formError = /"formError":"([^"]+)"/.exec(text)?.[1];
  if (formError) {
    if (formError === "errors.UNAUTHENTICATED") return { outcome: "signIn", detail: formError };
    if (formError === "errors.NOT_FOUND") return { outcome: "notFound", detail: formError };
    if (/FORBIDDEN|\.forbidden$/.test(formError))
      return { outcome: "forbidden", detail: formError };
    return { outcome: "refused", detail: formError };
  }
  const fieldErrors = /"fieldErrors":(\{[^}]*\})/.exec(text)?.[1];
  if (fieldErrors && fieldErrors !== "{}") return { outcome: "invalid", detail: fieldErrors };
  if (/"status":"success"|"ok":true/.test(text)) return { outcome: "ok", detail: "" };
  if (/"ok":false/.test(text)) return { outcome: "invalid", detail: "ok: false" };
  return { outcome: "error", detail: `${status} ${text.slice(0, 200)}` };
}

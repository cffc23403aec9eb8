// Locale negotiation and prefixes (/ja/…, /en/…), and each page's Content-Security-Policy with a
// fresh nonce (Next.js reads it from the request and puts it on its inline scripts). Access checks
// live in each page and action.
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { contentSecurityPolicy } from "@/lib/security-headers";
import {
  isDecodablePath,
  isOutsideLocalePages,
  malformedPathResponse,
  pinLinkOrigins,
} from "@/lib/request-path";
import { env } from "@/lib/env";

const intl = createMiddleware(routing);

const oauthOrigins = [
  ...(process.env.AUTH_GITHUB_ID ? ["https://github.com"] : []),
  ...(process.env.AUTH_GOOGLE_ID ? ["https://accounts.google.com"] : []),
];

/** What Next.js reads of a server action's request at most (its default `bodySizeLimit`). */
const ACTION_BODY_LIMIT = 1024 * 1024;

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // A path whose %-escapes do not decode: a 400 here, not the router's plain 500 further on.
  if (!isDecodablePath(pathname)) return malformedPathResponse(pathname);
  // Reached only through the matcher's second entry (a path with a %): nothing else to do.
  if (isOutsideLocalePages(pathname)) return NextResponse.next();
  // A server action sent more than Next.js will read: a clear 413 here, not its server error.
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT
  ) {
    return Response.json(
      { error: { code: "TOO_LARGE", message: "The request is larger than a form can send." } },
      { status: 413 },
    );
  }
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    oauthOrigins,
  });
  // The locale middleware passes the request's headers on to the page.
  request.headers.set("content-security-policy", csp);
  request.headers.set("x-nonce", nonce);
  const response = intl(request);
  response.headers.set("Content-Security-Policy", csp);
  const links = response.headers.get("link");
  const pinned = links === null ? null : pinLinkOrigins(links, env().publicUrl);
  if (pinned === null) response.headers.delete("link");
  else response.headers.set("link", pinned);
  return response;
}

export const config = {
  // The localised pages; and any path with a %, to answer one that does not decode (route handlers
  // and files included, which the first entry leaves out).
  matcher: ["/((?!api|bench|_next|_vercel|.*\\..*).*)", "/(.*%.*)"],
};

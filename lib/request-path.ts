// What the proxy checks of a request's path before anything routes it. Pure, so it is tested on
// its own (lib/request-path.test.ts).

/**
 * Whether every %-escape in a path decodes to UTF-8. Next.js's router decodes a dynamic route's
 * parameters and, on a path like `/en/%E0%A4%A` or `/api/%ff`, fails with a plain 500 (it tries a
 * `/400` page that an App Router app does not have). Such a path names nothing here.
 */
export function isDecodablePath(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Paths outside the localised pages: route handlers, the benchmark's baseline, the build's
 * files and anything with a dot (icons, the manifest, the service worker). The proxy leaves them
 * as they are; this mirrors the first entry of its matcher.
 */
export function isOutsideLocalePages(pathname: string): boolean {
  return /^\/(?:api|bench|_next|_vercel|.*\..*)/.test(pathname);
}

/** The 400 for a path that does not decode: JSON for route handlers, a short page for people. */
export function malformedPathResponse(pathname: string): Response {
  const headers = { "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return Response.json(
      {
        error: {
          code: "INVALID_INPUT",
          message: "The address is not valid: its path does not decode.",
        },
      },
      { status: 400, headers },
    );
  }
  const ja = pathname.startsWith("/ja");
  const en = `<h1 lang="en">This address is not valid</h1>
<p lang="en">A part of it (after a %) does not stand for any character. Check the link, or go to <a href="/en">Yomikai</a>.</p>`;
  const jp = `<h1 lang="ja">このアドレスは正しくありません</h1>
<p lang="ja">％に続く部分が文字を表していません。リンクを確かめるか、<a href="/ja">Yomikai</a> へお進みください。</p>`;
  const body = `<!doctype html>
<html lang="${ja ? "ja" : "en"}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${ja ? "不正なアドレス" : "Bad address"} · Yomikai</title>
${ja ? jp + en : en + jp}
</html>
`;
  return new Response(body, {
    status: 400,
    headers: {
      ...headers,
      "Content-Type": "text/html; charset=utf-8",
      // Nothing to run or load: the page is its own text.
      "Content-Security-Policy":
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}

/**
 * The locale middleware's `Link` header (each page's other-language addresses, for search
 * engines) with every address on `origin`, the configured public origin. The middleware builds
 * them from the request's Host and X-Forwarded-Host, which a client chooses: a forged one would
 * come back in the answer, and a shared cache could hand it to others. Null when there is no
 * origin to trust (development without AUTH_URL) or an address does not parse: no header then.
 */
export function pinLinkOrigins(value: string, origin: string | null): string | null {
  if (!origin) return null;
  let broken = false;
  const pinned = value.replace(/<([^>]*)>/g, (_, href: string) => {
    if (!URL.canParse(href)) {
      broken = true;
      return "<>";
    }
    const url = new URL(href);
    return `<${origin}${url.pathname}${url.search}>`;
  });
  return broken ? null : pinned;
}

// The Content-Security-Policy of every page, built per request around a fresh nonce (Next.js puts
// it on its own inline scripts). Pure, so it is tested on its own.

export function contentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; oauthOrigins: string[] },
): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a trusted (nonced) script are trusted too.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (progress bars, the shared screens' theme colours) are inline.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in with GitHub or Google posts here and is redirected to the provider.
    `form-action 'self'${options.oauthOrigins.map((o) => ` ${o}`).join("")}`,
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)";

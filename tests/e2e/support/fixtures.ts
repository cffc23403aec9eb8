// Test fixtures: every test makes its own users (support/builders.ts) and signs them in over HTTP
// through next-auth's credentials endpoint, so tests run in parallel without sharing state. Specs
// import everything from here: the fixtures, the builders, the clock helpers and the page objects.
import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { randomBytes } from "node:crypto";
import type { TestUser } from "./builders";
import { TIME_ZONE_COOKIE } from "../../../lib/i18n/time-zone";

export * from "./builders";
export * from "./clock";
export * from "./network";
export { MeetingPage } from "../pages/meeting-page";
export { SummaryForm } from "../pages/summary-form";
export { RecapScreen } from "../pages/recap-screen";
export { RecapRemote } from "../pages/recap-remote";

/**
 * A header value that makes each context look like its own client to the rate limiter: an address
 * in IPv6's documentation range with 64 random bits, so two tests never share one (a 16-bit space
 * did: a context that drew an address another test had just locked out was refused its sign-in).
 */
export function fakeIp(): string {
  const groups = randomBytes(8).toString("hex").match(/.{4}/g)!;
  return `2001:db8::${groups.join(":")}`;
}

/** Signs a user in over HTTP: the session cookie lands in the request's browser context. */
export async function signInOverHttp(request: APIRequestContext, user: TestUser): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status(), "credentials sign-in should redirect").toBe(302);
  expect(res.headers()["location"] ?? "").not.toContain("error");
}

/** A new context signed in at another app instance (`baseUrl`), for tests that stop and start it. */
export async function signedInAt(
  browser: Browser,
  baseUrl: string,
  user: TestUser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const page = await context.newPage();
  const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  await page.request.post(`${baseUrl}/api/auth/callback/credentials`, {
    form: { email: user.email, password: user.password, csrfToken },
  });
  return { context, page };
}

/** A new browser context for `user`, signed in, in `locale`. */
export async function signedInPage(
  browser: Browser,
  user: TestUser,
  options: {
    locale?: "ja" | "en";
    viewport?: { width: number; height: number };
    timezoneId?: string;
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale === "ja" ? "ja-JP" : "en-US",
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    extraHTTPHeaders: { "x-forwarded-for": fakeIp() },
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  const page = await context.newPage();
  await signInOverHttp(page.request, user);
  return { context, page };
}

export const test = base.extend({
  context: async ({ context }, provide) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": fakeIp() });
    await provide(context);
  },
});

export { expect };

/**
 * Stores the browser's time zone in the cookie the app keeps it in, so the first page does not
 * re-render itself once it learns the zone (for tests that need a page to stay as loaded).
 */
export async function rememberTimeZone(page: Page): Promise<void> {
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await page
    .context()
    .addCookies([
      { name: TIME_ZONE_COOKIE, value: encodeURIComponent(zone), domain: "127.0.0.1", path: "/" },
    ]);
}

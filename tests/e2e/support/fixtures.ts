// Test fixtures: every test makes its own users (straight into the database) and signs them in
// over HTTP through next-auth's credentials endpoint, so tests run in parallel without sharing state.
import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { hashPassword } from "../../../lib/auth/password";
import { randomBytes } from "node:crypto";
import { testDb } from "./db";

export const PASSWORD = "correct-horse-42";

export type TestUser = { id: string; email: string; name: string; password: string };

let passwordHash: Promise<string> | undefined;

export function uniqueId(): string {
  return randomBytes(5).toString("hex");
}

/** A header value that makes each context look like its own client IP to the rate limiter. */
export function fakeIp(): string {
  const b = randomBytes(2);
  return `198.51.${b[0]}.${b[1]}`;
}

export async function makeUser(
  opts: { name?: string; locale?: "ja" | "en" } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const id = uniqueId();
  const email = `user-${id}@example.test`;
  const name = opts.name ?? `Reader ${id}`;
  const user = await testDb().user.create({
    data: { email, name, passwordHash: await passwordHash, locale: opts.locale ?? "en" },
    select: { id: true },
  });
  return { id: user.id, email, name, password: PASSWORD };
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

/** A new browser context for `user`, signed in, in `locale`. */
export async function signedInPage(
  browser: Browser,
  user: TestUser,
  options: { locale?: "ja" | "en"; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale === "ja" ? "ja-JP" : "en-US",
    extraHTTPHeaders: { "x-forwarded-for": fakeIp() },
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  const page = await context.newPage();
  await signInOverHttp(page.request, user);
  return { context, page };
}

export async function makeGroup(ownerId: string, name = `Group ${uniqueId()}`) {
  const slug = `g-${uniqueId()}`;
  await testDb().group.create({
    data: { name, slug, memberships: { create: { userId: ownerId, role: "OWNER" } } },
    select: { id: true },
  });
  return { name, slug };
}

export async function addMember(
  slug: string,
  userId: string,
  role: "OWNER" | "ADMIN" | "MEMBER" = "MEMBER",
) {
  const group = await testDb().group.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await testDb().membership.create({
    data: { groupId: group.id, userId, role },
    select: { id: true },
  });
}

export const test = base.extend({
  context: async ({ context }, provide) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": fakeIp() });
    await provide(context);
  },
});

export { expect };

export const TEST_CLOCK_COOKIE = "yomikai-test-clock-offset";

/** Moves the server's clock for this context's requests (the e2e server runs with E2E_TEST_CLOCK=1). */
export async function setServerClock(context: BrowserContext, offsetMs: number): Promise<void> {
  await context.addCookies([
    {
      name: TEST_CLOCK_COOKIE,
      value: String(Math.round(offsetMs)),
      domain: "127.0.0.1",
      path: "/",
    },
  ]);
}

/** "49:58" → seconds (negative for "+01:02" overtime). */
export function clockSeconds(text: string): number {
  const m = /^(\+)?(\d+):(\d\d)$/.exec(text.trim());
  if (!m) throw new Error(`not a clock: ${text}`);
  const s = Number(m[2]) * 60 + Number(m[3]);
  return m[1] ? -s : s;
}

export async function makeMeeting(groupSlug: string, facilitatorId: string, number = 1) {
  const group = await testDb().group.findUniqueOrThrow({
    where: { slug: groupSlug },
    select: { id: true },
  });
  return testDb().meeting.create({
    data: {
      groupId: group.id,
      number,
      title: `Session ${number}`,
      scheduledAt: new Date(),
      facilitatorId,
    },
    select: { id: true, number: true },
  });
}

/** A meeting with `user` already reading a paper (started `startedAgoMs` ago), ready to summarise. */
export async function makeReading(
  user: TestUser,
  opts: { startedAgoMs?: number; started?: boolean } = {},
) {
  const group = await makeGroup(user.id);
  const meeting = await makeMeeting(group.slug, user.id);
  await testDb().meeting.update({ where: { id: meeting.id }, data: { phase: "READING" } });
  const paper = await testDb().paper.create({
    data: { title: `Paper ${uniqueId()}` },
    select: { id: true },
  });
  const reading = await testDb().reading.create({
    data: {
      meetingId: meeting.id,
      userId: user.id,
      paperId: paper.id,
      durationMs: 50 * 60_000,
      startedAt: opts.started === false ? null : new Date(Date.now() - (opts.startedAgoMs ?? 0)),
    },
    select: { id: true },
  });
  return {
    readingId: reading.id,
    meetingId: meeting.id,
    path: `/groups/${group.slug}/meetings/${meeting.number}`,
    groupSlug: group.slug,
  };
}

/**
 * Moves both clocks forward by `ms`: the server's (for this context, by cookie) and the page's
 * (Playwright's fake clock). Clock measurements the page makes in between would see one clock
 * moved and not the other, so they are refused while the two move.
 */
export async function jumpClocks(
  page: Page,
  context: BrowserContext,
  state: { offset: number },
  ms: number,
): Promise<void> {
  const refuse = (route: import("@playwright/test").Route) => route.abort();
  await page.route("**/api/time", refuse);
  state.offset += ms;
  await setServerClock(context, state.offset);
  await page.clock.fastForward(ms);
  await page.unroute("**/api/time", refuse);
}

// Holes a review found, each with the test that keeps it closed.
import {
  test,
  expect,
  makeUser,
  makeReading,
  makeGroup,
  makeMeeting,
  addMember,
  addReading,
  makeInvite,
  signedInPage,
  PASSWORD,
} from "./support/fixtures";

test("a removed member loses the meeting at once: live board, autosave, revisions, and (kept out) invites", async ({
  browser,
}) => {
  const owner = await makeUser({ name: "Olga Owner" });
  const group = await makeGroup(owner.id);
  const meeting = await makeMeeting(group.slug, owner.id, 1, { phase: "READING" });
  const mika = await makeUser({ name: "Mika Member" });
  await addMember(group.slug, mika.id);
  const readingId = await addReading(meeting.id, mika.id, { startedAgoMs: 60_000 });

  const m = await signedInPage(browser, mika);
  await m.page.goto(`/en/groups/${group.slug}/meetings/1`);
  await expect(m.page.getByText("Live", { exact: true })).toBeVisible();
  const save = (saveId: string, base: string, value: string, baseVersion: number) =>
    m.page.request.put(`/api/readings/${readingId}/summary`, {
      data: { saveId, baseVersion, changes: { gist: { base, value } } },
      failOnStatusCode: false,
    });
  expect((await save("save-0001", "", "a member", 0)).status()).toBe(200);
  expect((await m.page.request.get(`/api/readings/${readingId}/revisions`)).status()).toBe(200);

  const o = await signedInPage(browser, owner);
  await o.page.goto(`/en/groups/${group.slug}`);
  const row = o.page.locator(`[data-member="${mika.email}"]`);
  await row.getByLabel("Keep them out").check();
  o.page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Remove: Mika Member" }).click();
  await expect(row).toHaveCount(0);

  // The open stream is closed within a heartbeat; reconnecting is refused.
  await expect(m.page.getByText("Reconnecting…")).toBeVisible({ timeout: 15_000 });
  const refused = await save("save-0002", "a member", "still here?", 1);
  expect(refused.status(), await refused.text()).toBe(404);
  expect((await m.page.request.get(`/api/readings/${readingId}/revisions`)).status()).toBe(404);
  expect((await m.page.request.get(`/api/readings/${readingId}/summary`)).status()).toBe(404);

  // An invite does not bring them back.
  const token = await makeInvite(group.slug, owner.id, 60 * 60_000);
  await m.page.goto(`/en/invite/${token.token}`);
  await m.page.getByRole("button", { name: "Join group" }).click();
  await expect(m.page.getByText(/do not accept you back through invites/)).toBeVisible();
  await m.context.close();
  await o.context.close();
});

for (const target of ["/%09/evil.example", "/\t/evil.example", "/\\evil.example", "//evil.example"])
  test(`signing in never follows ${JSON.stringify(target)} off the site`, async ({
    page,
    baseURL,
  }) => {
    const user = await makeUser();
    await page.goto(`/en/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
    expect(new URL(page.url()).pathname).toBe("/en/groups");
  });

test("signing out removes this device's drafts, after asking when some are unsent", async ({
  browser,
}) => {
  const user = await makeUser();
  const { page, context } = await signedInPage(browser, user);
  await page.goto("/en/groups");
  await page.evaluate(() => {
    localStorage.setItem("yomikai:summary:r1:t1", JSON.stringify({ gist: "unsent words" }));
    localStorage.setItem("yomikai.remarks.m1", "unsent remarks");
    localStorage.setItem("unrelated", "kept");
  });
  // Declined: still signed in, drafts kept.
  page.once("dialog", (d) => void d.dismiss());
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("yomikai.remarks.m1"))).toBe(
    "unsent remarks",
  );
  // Accepted: signed out, drafts gone, other keys untouched.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("yomikai"))),
  ).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem("unrelated"))).toBe("kept");
  await context.close();
});

test("invite and minutes links use the configured public URL, never a forwarded host", async ({
  browser,
  baseURL,
}) => {
  const owner = await makeUser();
  const group = await makeGroup(owner.id);
  const invite = await makeInvite(group.slug, owner.id, 60 * 60_000);
  const { page, context } = await signedInPage(browser, owner);
  await context.setExtraHTTPHeaders({
    "x-forwarded-host": "evil.example",
    "x-forwarded-for": "203.0.113.77",
  });
  await page.goto(`/en/groups/${group.slug}`);
  const html = await page.content();
  expect(html).toContain(`${baseURL}/invite/${invite.token}`);
  expect(html).not.toContain("evil.example");
  await context.close();
});

test("a page's other-language addresses are on the configured origin, never a forwarded host", async ({
  request,
  baseURL,
}) => {
  for (const path of ["/ja/sign-in", "/en/groups"]) {
    const response = await request.get(path, {
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      maxRedirects: 0,
    });
    const links = response.headers()["link"] ?? "";
    expect(links, path).toContain(
      `<${baseURL}/en${path.slice(3)}>; rel="alternate"; hreflang="en"`,
    );
    expect(links, path).toContain(
      `<${baseURL}/ja${path.slice(3)}>; rel="alternate"; hreflang="ja"`,
    );
    expect(links, path).not.toContain("evil.example");
  }
});

test("sign-ups from one address are limited", async ({ browser }) => {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.201" },
  });
  const page = await context.newPage();
  const signUp = async (i: number) => {
    await page.goto("/en/sign-up");
    await page.getByLabel("Display name").fill(`Many ${i}`);
    await page.getByLabel("Email").fill(`many-${i}-${Date.now()}@example.test`);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
  };
  for (let i = 0; i < 10; i++) {
    await context.clearCookies();
    await signUp(i);
    await expect(page).toHaveURL(/\/en\/groups$/);
  }
  await context.clearCookies();
  await signUp(10);
  await expect(page.locator("[data-notice=error]")).toHaveText(
    "Too many attempts. Wait a little and try again.",
  );
  await context.close();
});

test("one account flooding the autosave is slowed down with a 429 the editor retries", async ({
  browser,
}) => {
  const reader = await makeUser();
  const { readingId } = await makeReading(reader);
  const { context } = await signedInPage(browser, reader);
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  // Far faster than a person types: the first ones are read (and refused as empty), then the
  // account's bucket runs dry.
  for (let batch = 0; batch < 10 && !statuses.includes(429); batch++) {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        context.request.put(`/api/readings/${readingId}/summary`, {
          data: {},
          failOnStatusCode: false,
        }),
      ),
    );
    for (const a of answers) {
      statuses.push(a.status());
      if (a.status() === 429) {
        retryAfter = a.headers()["retry-after"];
        expect(((await a.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
      }
    }
  }
  expect(statuses[0]).toBe(400);
  expect(statuses.filter((s) => s === 400).length).toBeGreaterThanOrEqual(100);
  expect(statuses).toContain(429);
  expect(retryAfter).toBe("1");
  await context.close();
});

test("the benchmark's baseline page does not exist outside a benchmark run", async ({
  request,
}) => {
  const reader = await makeUser();
  const { readingId } = await makeReading(reader);
  // The e2e server runs without a BENCH_TOKEN: no token, a guessed one or an empty one is a 404.
  const attempts: Record<string, string>[] = [
    {},
    { "x-bench-token": "guess" },
    { "x-bench-token": "" },
  ];
  for (const headers of attempts) {
    const res = await request.get(`/bench?id=${readingId}`, { headers });
    expect(res.status()).toBe(404);
    expect(await res.text()).not.toContain("Paper ");
  }
});

test("an address whose %-escapes do not decode is a 400 that says so, for pages, route handlers and files alike", async ({
  request,
  page,
}) => {
  // Next.js's router answered each of these with a bare 500.
  for (const path of ["/en/groups/%E0%A4%A", "/ja/groups/%C0", "/%ff", "/en/%"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect(res.headers()["content-type"], path).toContain("text/html");
  }
  for (const path of ["/api/%ff", "/api/readings/%E0%A4%A/pdf"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error.code, path).toBe("INVALID_INPUT");
  }
  for (const path of ["/_next/static/%ff", "/favicon.ico%ff", "/bench%ff"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
  }

  // A person who follows such a link reads why, in the link's language first.
  await page.goto("/ja/groups/%E0%A4%A");
  await expect(page.getByRole("heading", { name: "このアドレスは正しくありません" })).toBeVisible();
  await page.getByRole("link", { name: "Yomikai" }).first().click();
  await expect(page).toHaveURL(/\/ja(\/|$)/);

  // Escapes that decode are left alone.
  for (const path of ["/ja/groups/%E8%AA%AD%E3%81%BF", "/en/groups/a%20b"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toContain("sign-in");
  }
  expect((await request.get("/api/health")).status()).toBe(200);
});

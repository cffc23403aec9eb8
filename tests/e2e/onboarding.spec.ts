// From an invite or a meeting link to reading, in as few screens as a newcomer can manage: links
// without a language, sign-up that joins on the way, a meeting link straight to picking a paper,
// and links that no longer work saying whom to ask.
import type { Page } from "@playwright/test";
import {
  test,
  expect,
  makeUser,
  makeGroup,
  makeMeeting,
  addMember,
  makeInvite,
  signedInPage,
  uniqueId,
  fakeIp,
  PASSWORD,
} from "./support/fixtures";
import { testDb } from "./support/db";

/** The distinct pages (paths) a tab has shown, counting each full or client-side navigation. */
function screens(page: Page): () => string[] {
  const seen: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = new URL(frame.url());
    const screen = url.pathname + url.search;
    if (seen.at(-1) !== screen) seen.push(screen);
  });
  return () => seen;
}

test("an invite link carries no language: each invitee's browser chooses", async ({ browser }) => {
  const owner = await makeUser({ name: "Olga Owner" });
  const group = await makeGroup(owner.id, "輪読会");
  const invite = await makeInvite(group.slug, owner.id, 86_400_000);
  for (const [locale, prefix, heading] of [
    ["ja-JP", "/ja/", "輪読会 に参加"],
    ["en-US", "/en/", "Join 輪読会"],
  ] as const) {
    const context = await browser.newContext({
      locale,
      extraHTTPHeaders: { "x-forwarded-for": fakeIp() },
    });
    const page = await context.newPage();
    await page.goto(`/invite/${invite.token}`);
    await expect(page).toHaveURL(new RegExp(`${prefix}invite/${invite.token}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await context.close();
  }
});

test("an expired or revoked link names the owner to ask, in both languages", async ({
  browser,
}) => {
  const owner = await makeUser({ name: "Olga Owner" });
  const group = await makeGroup(owner.id, "Vision Club");
  const expired = await makeInvite(group.slug, owner.id, -1000);
  const revoked = await makeInvite(group.slug, owner.id, 86_400_000);
  await testDb().invite.update({
    where: { token: revoked.token },
    data: { revokedAt: new Date() },
  });
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const page = await context.newPage();
  await page.goto(`/en/invite/${expired.token}`);
  await expect(page.getByText("This invite link has expired.")).toBeVisible();
  await expect(
    page.getByText("Ask the owner of Vision Club for a new link: Olga Owner."),
  ).toBeVisible();
  await page.goto(`/ja/invite/${revoked.token}`);
  await expect(page.getByText("この招待リンクは取り消されています。")).toBeVisible();
  await expect(page.getByText("Vision Club のオーナー（Olga Owner）")).toBeVisible();
  // Somewhere to go from here.
  await expect(page.getByRole("link", { name: "Yomikai トップへ" })).toBeVisible();
  await context.close();
});

test("signing in from an invite joins the group on the way", async ({ browser }) => {
  const owner = await makeUser();
  const reader = await makeUser({ name: "Rin Reader" });
  const group = await makeGroup(owner.id, "Speech Club");
  const invite = await makeInvite(group.slug, owner.id, 86_400_000);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const page = await context.newPage();
  await page.goto(`/en/invite/${invite.token}`);
  await page.getByRole("link", { name: "Sign in and join" }).click();
  await page.getByLabel("Email").fill(reader.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/groups/${group.slug}$`));
  await expect(page.getByRole("heading", { name: "Speech Club" })).toBeVisible();
  expect(
    await testDb().membership.count({
      where: { userId: reader.id, group: { slug: group.slug } },
    }),
  ).toBe(1);
  await context.close();
});

test("a meeting link takes a signed-out newcomer to a running countdown in five screens", async ({
  browser,
}) => {
  const facilitator = await makeUser({ name: "Fumi Facilitator" });
  const group = await makeGroup(facilitator.id, "Paper Club");
  await makeMeeting(group.slug, facilitator.id, 1, { phase: "READING", title: "Week 12" });
  const f = await signedInPage(browser, facilitator);
  await f.page.goto(`/en/groups/${group.slug}/meetings/1`);
  await f.page.getByRole("button", { name: "Show the meeting link" }).click();
  const link = f.page.getByLabel("Meeting link", { exact: true });
  await expect(link).toHaveValue(/\/invite\/[\w-]+\?meeting=1$/);
  await expect(f.page.locator("[data-meeting-qr] svg")).toBeVisible();
  const url = new URL(await link.inputValue());
  // The projector shows the same link as a QR code for the room.
  await f.page.goto(`/en/groups/${group.slug}/meetings/1/projector`);
  await expect(f.page.locator("[data-projector-qr] svg")).toBeVisible();
  await expect(f.page.getByText("Scan to join")).toBeVisible();

  const context = await browser.newContext({
    locale: "en-US",
    extraHTTPHeaders: { "x-forwarded-for": fakeIp() },
  });
  const page = await context.newPage();
  const shown = screens(page);
  await page.goto(url.pathname + url.search);
  await expect(page.getByText("You have been invited to Week 12")).toBeVisible();
  await page.getByRole("link", { name: "Create an account and join" }).click();
  await page.getByLabel("Display name").fill("Nao Newcomer");
  await page.getByLabel("Email").fill(`nao-${uniqueId()}@example.test`);
  await page.getByLabel("Password").fill("newcomer-pass");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/groups/${group.slug}/meetings/1$`));
  await page.getByLabel("Paper title").fill("Denoising Diffusion Probabilistic Models");
  await page.getByRole("button", { name: "Join as a reader" }).click();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByTestId("timer-status")).toHaveText("Reading");
  await expect(page.getByTestId("time-left")).toHaveText(/^(50:00|49:\d\d)$/);
  // The invite page, sign-up, the meeting page (locale redirects aside).
  const distinct = shown().filter((s) => !/^\/invite\//.test(s));
  expect(distinct.length).toBeLessThanOrEqual(5);
  await context.close();
  await f.context.close();
});

test("a new group shows its invite first; a running meeting is joined, not started again", async ({
  browser,
}) => {
  const owner = await makeUser();
  const member = await makeUser();
  const group = await makeGroup(owner.id, "Fresh Group");
  const o = await signedInPage(browser, owner);
  await o.page.goto(`/en/groups/${group.slug}`);
  const headings = await o.page.locator("main h2").allTextContents();
  expect(headings[0]).toBe("Invite links");

  await addMember(group.slug, member.id);
  await makeMeeting(group.slug, owner.id, 1, { phase: "READING", title: "Now running" });
  const m = await signedInPage(browser, member);
  await m.page.goto(`/en/groups/${group.slug}`);
  await expect(m.page.getByRole("button", { name: "Start a session now" })).toHaveCount(0);
  await m.page.getByRole("link", { name: "Join the running meeting" }).click();
  await expect(m.page).toHaveURL(new RegExp(`/en/groups/${group.slug}/meetings/1$`));
  // With two members, the invite card is no longer first.
  await o.page.reload();
  expect((await o.page.locator("main h2").allTextContents())[0]).not.toBe("Invite links");
  await o.context.close();
  await m.context.close();
});

test("on a phone the header keeps to one row, signed in or out, in both languages; the app has its icons", async ({
  browser,
  request,
}) => {
  const user = await makeUser({ name: "Mio Member" });
  for (const locale of ["ja", "en"] as const) {
    for (const signedIn of [true, false]) {
      const { page, context } = signedIn
        ? await signedInPage(browser, user, { locale, viewport: { width: 360, height: 700 } })
        : await (async () => {
            const c = await browser.newContext({ viewport: { width: 360, height: 700 } });
            return { context: c, page: await c.newPage() };
          })();
      await page.goto(`/${locale}/${signedIn ? "groups" : "sign-in"}`);
      const header = page.locator("body > header, header").first();
      const items = header.locator("a:visible, button:visible");
      // One row: every link and button is centred on the same line (within a few pixels).
      const centres = await items.evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return (r.top + r.bottom) / 2;
        }),
      );
      expect(
        Math.max(...centres) - Math.min(...centres),
        `${locale} ${signedIn}: ${centres}`,
      ).toBeLessThan(8);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      if (signedIn) {
        // The icons keep their names.
        await expect(
          page.getByRole("button", { name: locale === "ja" ? "ログアウト" : "Sign out" }),
        ).toBeVisible();
        await expect(page.getByRole("button", { name: "English" })).toBeVisible();
      }
      await context.close();
    }
  }
  for (const path of ["/favicon.ico", "/icon.svg", "/apple-icon.png", "/manifest.webmanifest"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
  }
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
    icons: { src: string }[];
  };
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
});

test("a form's errors: focus goes to the first field in error, and an error clears once its field is changed", async ({
  page,
}) => {
  await page.goto("/en/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create account" }).click();
  const name = page.getByLabel("Display name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toBeFocused();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await name.fill("Kai");
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator('[data-field-error="name"]')).toHaveCount(0);
  // The email's error stays until the email is changed.
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await page.getByLabel("Email").fill("kai@example.test");
  await expect(page.getByText("Enter a valid email address.")).toHaveCount(0);
});

test("a scheduled meeting is moved and retitled, then called off, by its facilitator", async ({
  browser,
}) => {
  const owner = await makeUser();
  const facilitator = await makeUser({ name: "Fumi Facilitator" });
  const group = await makeGroup(owner.id);
  await addMember(group.slug, facilitator.id);
  const meeting = await makeMeeting(group.slug, facilitator.id, 1, { title: "Week 1" });
  const { page, context } = await signedInPage(browser, facilitator);
  await page.goto(`/en/groups/${group.slug}/meetings/1`);
  await page.getByText("Change the date or title").click();
  await page.getByLabel("Date and time").fill("2031-04-01T19:30");
  await page.getByLabel("Title (optional)").fill("Week 1 (moved)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Meeting updated.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Week 1 (moved)");
  const moved = await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } });
  // The browser's zone (the test machine's) turns 19:30 local into the stored instant.
  const offset = await page.evaluate(() => new Date("2031-04-01T19:30").getTime());
  expect(moved.scheduledAt.getTime()).toBe(offset);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Call off this meeting" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/groups/${group.slug}$`));
  expect(await testDb().meeting.count({ where: { id: meeting.id } })).toBe(0);
  await context.close();
});

test("a group with a Japanese name gets a readable URL, which can be edited before creating and after", async ({
  browser,
}) => {
  const owner = await makeUser({ locale: "ja" });
  const { page, context } = await signedInPage(browser, owner, { locale: "ja" });
  await page.goto("/ja/groups");
  const id = uniqueId().slice(0, 6);
  await page.getByLabel("グループ名").fill(`機械学習 輪読会 ${id}`);
  const url = page.getByLabel("URL", { exact: true });
  await expect(url).toHaveValue(`kikai-gakushu-rindoku-kai-${id}`);
  await url.fill(`rindoku-${id}`);
  await page.getByRole("button", { name: "グループを作成" }).click();
  await expect(page).toHaveURL(new RegExp(`/ja/groups/rindoku-${id}$`));

  // The address can change later, in the settings: a taken one is refused with the field's error,
  // a free one moves the group (and the settings page with it).
  const other = await makeUser();
  const taken = await makeGroup(other.id);
  await page.getByRole("link", { name: "設定" }).click();
  const address = page.getByLabel("URL", { exact: true });
  await expect(address).toHaveValue(`rindoku-${id}`);
  await address.fill(taken.slug);
  await page.getByRole("button", { name: "設定を保存" }).click();
  await expect(page.getByText("この URL はすでに使われています。")).toBeVisible();
  await expect(address).toBeFocused();
  await address.fill(`ml-rindoku-${id}`);
  await page.getByRole("button", { name: "設定を保存" }).click();
  await expect(page).toHaveURL(new RegExp(`/ja/groups/ml-rindoku-${id}/settings\\?saved=1$`));
  await expect(page.getByText("グループのアドレスが変わった")).toBeVisible();
  await page.goto(`/ja/groups/ml-rindoku-${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`機械学習 輪読会 ${id}`);
  expect((await page.goto(`/ja/groups/rindoku-${id}`))!.status()).toBe(404);
  await context.close();
});

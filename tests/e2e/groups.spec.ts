import {
  test,
  expect,
  signedInPage,
  uniqueId,
  makeUser,
  makeGroup,
  addMember,
  makeInvite,
  makeMeeting,
  signInOverHttp,
} from "./support/fixtures";
import { testDb } from "./support/db";

test.describe("groups, invites and roles", () => {
  for (const lang of ["en", "ja"] as const) {
    const L =
      lang === "en"
        ? {
            name: "Group name",
            slug: "URL",
            create: "Create group",
            inviteCreate: "Create invite link",
            inviteLink: "Invite link",
            join: "Join group",
            role: (n: string) => `Role of ${n}`,
            changeRole: "Change role",
            admin: "Admin",
            roleChanged: "Role changed.",
            leave: "Leave group",
            lastOwner: "You are the last owner",
            slugTaken: "This URL is already taken",
            members: "Members",
          }
        : {
            name: "グループ名",
            slug: "URL",
            create: "グループを作成",
            inviteCreate: "招待リンクを作成",
            inviteLink: "招待リンク",
            join: "グループに参加",
            role: (n: string) => `${n} さんの役割`,
            changeRole: "役割を変更",
            admin: "管理者",
            roleChanged: "役割を変更しました。",
            leave: "グループを抜ける",
            lastOwner: "あなたは最後のオーナーです",
            slugTaken: "この URL はすでに使われています",
            members: "メンバー",
          };

    test(`create → invite → join → role change → leave (${lang})`, async ({ browser }) => {
      const owner = await makeUser({ locale: lang });
      const reader = await makeUser({ locale: lang });
      const a = await signedInPage(browser, owner, { locale: lang });
      const slug = `club-${uniqueId()}`;

      // Create a group; a taken slug is refused at the field.
      const taken = await makeGroup(owner.id);
      await a.page.goto(`/${lang}/groups`);
      await a.page.getByLabel(L.name).fill("Transformers 読み会");
      await a.page.getByLabel(L.slug, { exact: true }).fill(taken.slug);
      await a.page.getByRole("button", { name: L.create }).click();
      await expect(a.page.getByText(L.slugTaken)).toBeVisible();
      await a.page.getByLabel(L.slug, { exact: true }).fill(slug);
      await a.page.getByRole("button", { name: L.create }).click();
      await expect(a.page).toHaveURL(new RegExp(`/${lang}/groups/${slug}$`));
      await expect(a.page.getByRole("heading", { name: "Transformers 読み会" })).toBeVisible();

      // Invite link.
      await a.page.getByRole("button", { name: L.inviteCreate }).click();
      const link = a.page.getByLabel(L.inviteLink).first();
      // No language in the link: each invitee's browser chooses.
      await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{20,}$/);
      const url = new URL(await link.inputValue());

      // A second user joins through it.
      const b = await signedInPage(browser, reader, { locale: lang });
      await b.page.goto(url.pathname);
      await b.page.getByRole("button", { name: L.join }).click();
      await expect(b.page).toHaveURL(new RegExp(`/${lang}/groups/${slug}$`));
      await expect(b.page.locator(`[data-member-id="${reader.id}"]`)).toBeVisible();
      // A plain member sees names, never the other members' emails.
      expect(await b.page.content()).not.toContain(owner.email);

      // The owner makes them an admin.
      await a.page.reload();
      await a.page.getByLabel(L.role(reader.name)).selectOption("ADMIN");
      await a.page.getByRole("button", { name: L.changeRole }).click();
      await expect(a.page.getByText(L.roleChanged)).toBeVisible();
      await expect(a.page.locator(`[data-member="${reader.email}"] [data-role]`)).toHaveText(
        L.admin,
      );

      // The last owner cannot leave; the admin can.
      a.page.once("dialog", (d) => d.accept());
      await a.page.getByRole("button", { name: L.leave }).click();
      await expect(a.page.getByText(L.lastOwner)).toBeVisible();
      b.page.once("dialog", (d) => d.accept());
      await b.page.reload();
      await b.page.getByRole("button", { name: L.leave }).click();
      await expect(b.page).toHaveURL(new RegExp(`/${lang}/groups$`));

      const group = await testDb().group.findUniqueOrThrow({
        where: { slug },
        select: { memberships: { select: { userId: true, role: true } } },
      });
      expect(group.memberships).toEqual([{ userId: owner.id, role: "OWNER" }]);

      // Gone members see a 404 for the group.
      const res = await b.page.goto(`/${lang}/groups/${slug}`);
      expect(res?.status()).toBe(404);
      await a.context.close();
      await b.context.close();
    });
  }

  test("non-members get 404 for pages and actions; anonymous visitors are sent to sign in", async ({
    browser,
    page,
  }) => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const group = await makeGroup(owner.id);
    const s = await signedInPage(browser, stranger);
    for (const path of [`/en/groups/${group.slug}`, `/en/groups/${group.slug}/settings`]) {
      const res = await s.page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(s.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    await page.goto(`/en/groups/${group.slug}`);
    await expect(page).toHaveURL(
      new RegExp(`/en/sign-in\\?callbackUrl=%2Fen%2Fgroups%2F${group.slug}`),
    );
    await s.context.close();
  });

  test("members cannot manage members or invites; admins manage invites and settings", async ({
    browser,
  }) => {
    const owner = await makeUser();
    const member = await makeUser();
    const admin = await makeUser();
    const group = await makeGroup(owner.id);
    await addMember(group.slug, member.id, "MEMBER");
    await addMember(group.slug, admin.id, "ADMIN");

    const m = await signedInPage(browser, member);
    await m.page.goto(`/en/groups/${group.slug}`);
    await expect(m.page.getByRole("heading", { name: "Members" })).toBeVisible();
    await expect(m.page.getByRole("button", { name: "Change role" })).toHaveCount(0);
    await expect(m.page.getByRole("heading", { name: "Invite links" })).toHaveCount(0);
    await m.page.goto(`/en/groups/${group.slug}/settings`);
    await expect(m.page.getByText("Only owners and admins can change the settings.")).toBeVisible();

    const ad = await signedInPage(browser, admin);
    await ad.page.goto(`/en/groups/${group.slug}/settings`);
    // The form shows the limits as minutes:seconds.
    await expect(ad.page.getByLabel("Recap soft limit (minutes:seconds)")).toHaveValue("1:00");
    await expect(ad.page.getByLabel("Recap hard limit (minutes:seconds)")).toHaveValue("2:00");
    await ad.page.getByLabel("Reading time (minutes)").fill("500");
    await ad.page.getByLabel("Recap soft limit (minutes:seconds)").fill("1:30");
    await ad.page.getByLabel("Recap hard limit (minutes:seconds)").fill("1:00");
    await ad.page.getByRole("button", { name: "Save settings" }).click();
    await expect(ad.page.getByText("This number is too large.")).toBeVisible();
    await expect(
      ad.page.getByText("The hard limit must be longer than the soft limit."),
    ).toBeVisible();
    const unchanged = await testDb().group.findUniqueOrThrow({
      where: { slug: group.slug },
      select: { readingMinutes: true, recapHardSeconds: true },
    });
    expect(unchanged).toEqual({ readingMinutes: 50, recapHardSeconds: 120 });

    // An empty number is "required"; a duration that is not minutes:seconds says how to write it.
    await ad.page.getByLabel("Reading time (minutes)").fill("");
    await ad.page.getByLabel("Recap hard limit (minutes:seconds)").fill("2:75");
    await ad.page.getByRole("button", { name: "Save settings" }).click();
    await expect(ad.page.getByText("This field is required.")).toBeVisible();
    await expect(ad.page.getByText("Enter minutes and seconds, such as 1:30.")).toBeVisible();

    // Full-width digits, as a Japanese keyboard types them, are read as numbers.
    await ad.page.getByLabel("Reading time (minutes)").fill("４５");
    await ad.page.getByLabel("Recap hard limit (minutes:seconds)").fill("２：３０");
    await ad.page.getByRole("button", { name: "Save settings" }).click();
    await expect(ad.page.getByText("Settings saved.")).toBeVisible();
    const saved = await testDb().group.findUniqueOrThrow({
      where: { slug: group.slug },
      select: { readingMinutes: true, recapSoftSeconds: true, recapHardSeconds: true },
    });
    expect(saved).toEqual({ readingMinutes: 45, recapSoftSeconds: 90, recapHardSeconds: 150 });

    await ad.page.goto(`/en/groups/${group.slug}`);
    await expect(ad.page.getByRole("heading", { name: "Invite links" })).toBeVisible();
    await expect(ad.page.getByRole("button", { name: "Change role" })).toHaveCount(0);
    await m.context.close();
    await ad.context.close();
  });

  test("unknown, revoked and expired invites are refused; joining twice is refused", async ({
    browser,
  }) => {
    const owner = await makeUser();
    const reader = await makeUser();
    const group = await makeGroup(owner.id);
    const g = await testDb().group.findUniqueOrThrow({
      where: { slug: group.slug },
      select: { id: true },
    });
    const expired = await makeInvite(group.slug, owner.id, -1000);

    const o = await signedInPage(browser, owner);
    await o.page.goto(`/en/groups/${group.slug}`);
    await o.page.getByRole("button", { name: "Create invite link" }).click();
    const url = new URL(await o.page.getByLabel("Invite link").first().inputValue());

    const r = await signedInPage(browser, reader);
    await r.page.goto(`/en/invite/no-such-token-${uniqueId()}${uniqueId()}`);
    await expect(r.page.getByText("This invite link is not valid.")).toBeVisible();
    await r.page.goto(`/en/invite/${expired.token}`);
    await expect(r.page.getByText("This invite link has expired.")).toBeVisible();

    // Open the link, then the owner revokes it before the reader presses Join.
    await r.page.goto(url.pathname);
    await expect(r.page.getByRole("button", { name: "Join group" })).toBeVisible();
    await o.page.getByRole("button", { name: "Revoke" }).click();
    await expect(o.page.getByText("No active invite links.")).toBeVisible();
    await r.page.getByRole("button", { name: "Join group" }).click();
    await expect(r.page.locator("[data-notice=error]")).toHaveText("This invite link was revoked.");
    expect(await testDb().membership.count({ where: { groupId: g.id, userId: reader.id } })).toBe(
      0,
    );

    // A fresh link works once; opening it again says so.
    await o.page.getByRole("button", { name: "Create invite link" }).click();
    const url2 = new URL(await o.page.getByLabel("Invite link").first().inputValue());
    await r.page.goto(url2.pathname);
    await r.page.getByRole("button", { name: "Join group" }).click();
    await expect(r.page).toHaveURL(new RegExp(`/groups/${group.slug}$`));
    await r.page.goto(url2.pathname);
    await expect(r.page.getByText("You are already a member of this group.")).toBeVisible();
    expect(await testDb().membership.count({ where: { groupId: g.id, userId: reader.id } })).toBe(
      1,
    );
    await o.context.close();
    await r.context.close();
  });

  test("an anonymous visitor with an invite signs up and is in the group in one step", async ({
    page,
  }) => {
    const owner = await makeUser();
    const group = await makeGroup(owner.id, "Vision Club");
    const invite = await makeInvite(group.slug, owner.id, 86_400_000);
    await page.goto(`/en/invite/${invite.token}`);
    await expect(page.getByRole("heading", { name: "Join Vision Club" })).toBeVisible();
    await page.getByRole("link", { name: "Create an account and join" }).click();
    await page.getByLabel("Display name").fill("Newcomer");
    await page.getByLabel("Email").fill(`newcomer-${uniqueId()}@example.test`);
    await page.getByLabel("Password").fill("newcomer-pass");
    await page.getByRole("button", { name: "Create account" }).click();
    // In the group at once: no second press on "Join".
    await expect(page).toHaveURL(new RegExp(`/en/groups/${group.slug}$`));
  });
});

test("a group's meeting and member rows are plain links that move within the app", async ({
  browser,
}) => {
  const owner = await makeUser({ name: `Owner ${uniqueId()}` });
  const member = await makeUser({ name: `Member ${uniqueId()}` });
  const group = await makeGroup(owner.id);
  await addMember(group.slug, member.id);
  await makeMeeting(group.slug, owner.id, 1, { title: "Session on diffusion" });
  const m = await signedInPage(browser, member, { locale: "ja" });
  const page = m.page;

  // Without JavaScript the rows are ordinary links to the right pages.
  const plain = await browser.newContext({ javaScriptEnabled: false, locale: "ja-JP" });
  await signInOverHttp(plain.request, member);
  const still = await plain.newPage();
  await still.goto(`/ja/groups/${group.slug}`);
  await still.getByRole("link", { name: owner.name }).click();
  await expect(still).toHaveURL(`/ja/groups/${group.slug}/members/${owner.id}`);
  await plain.close();

  // With it, a click navigates inside the app: the page's state survives (no reload).
  await page.goto(`/ja/groups/${group.slug}`);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByRole("link", { name: owner.name }).click();
  await expect(page).toHaveURL(`/ja/groups/${group.slug}/members/${owner.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(owner.name);
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  await page.goBack();
  await page.getByRole("link", { name: /Session on diffusion/ }).click();
  await expect(page).toHaveURL(`/ja/groups/${group.slug}/meetings/1`);
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

  // A modified click is the browser's: the link opens in a new tab and this page stays.
  await page.goBack();
  await expect(page).toHaveURL(`/ja/groups/${group.slug}`);
  const [tab] = await Promise.all([
    m.context.waitForEvent("page"),
    page.getByRole("link", { name: owner.name }).click({ modifiers: ["ControlOrMeta"] }),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe(`/ja/groups/${group.slug}/members/${owner.id}`);
  await expect(page).toHaveURL(`/ja/groups/${group.slug}`);
  await m.context.close();
});

// Accounts people can recover: a reset link by email (through the test mail server), and a
// one-time link a group owner hands to a member; each works once and ends other sessions.
import type { APIRequestContext } from "@playwright/test";
import {
  test,
  expect,
  makeUser,
  makeGroup,
  addMember,
  signedInPage,
  fakeIp,
  PASSWORD,
} from "./support/fixtures";
import { testDb } from "./support/db";
import { standInPort } from "../../playwright.config";

type Mail = { to: string[]; raw: string };

async function mailTo(request: APIRequestContext, address: string): Promise<Mail[]> {
  const response = await request.get(`http://127.0.0.1:${standInPort}/mail?to=${address}`);
  return (await response.json()) as Mail[];
}

/** The text of a mail, with quoted-printable soft breaks and escapes undone. */
function body(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

test("a reset link by email sets a new password once and signs out other sessions", async ({
  browser,
  request,
}) => {
  const user = await makeUser({ name: "Rei Reset" });
  const elsewhere = await signedInPage(browser, user);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const page = await context.newPage();
  await page.goto("/en/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password" })).toBeVisible();
  await page.getByLabel("Email").fill(user.email.toUpperCase());
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText("If an account uses this address")).toBeVisible();

  await expect.poll(async () => (await mailTo(request, user.email)).length).toBe(1);
  const [mail] = await mailTo(request, user.email);
  const text = body(mail!.raw);
  expect(text).toContain("Subject: Set a new password for Yomikai");
  const link = /http:\/\/[^\s]+\/en\/reset-password\/[A-Za-z0-9_-]{32}/.exec(text)?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByText(`For ${user.email}.`)).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("brand-new-pass");
  await page.getByLabel("Repeat the new password").fill("brand-new-pass");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page).toHaveURL(/\/en\/groups$/);

  // Once only; the old password and the other session are gone.
  await page.goto(link!);
  await expect(page.getByText("This reset link has already been used.")).toBeVisible();
  await elsewhere.page.goto("/en/groups");
  await expect(elsewhere.page).toHaveURL(/\/en\/sign-in/);
  const again = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const p2 = await again.newPage();
  await p2.goto("/en/sign-in");
  await p2.getByLabel("Email").fill(user.email);
  await p2.getByLabel("Password").fill(PASSWORD);
  await p2.getByRole("button", { name: "Sign in" }).click();
  await expect(p2.locator("[data-notice=error]")).toBeVisible();
  await Promise.all([context.close(), again.close(), elsewhere.context.close()]);
});

test("an unknown address gets the same answer and no mail; the page is in Japanese too", async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const page = await context.newPage();
  const address = `nobody-${Date.now()}@example.test`;
  await page.goto("/ja/forgot-password");
  await page.getByLabel("メールアドレス").fill(address);
  await page.getByRole("button", { name: "リンクを送る" }).click();
  await expect(page.getByText("このアドレスのアカウントがあれば")).toBeVisible();
  // A known address asked after it gets its mail; by then the unknown one has none.
  const known = await makeUser();
  await page.getByLabel("メールアドレス").fill(known.email);
  await page.getByRole("button", { name: "リンクを送る" }).click();
  await expect.poll(async () => (await mailTo(request, known.email)).length).toBe(1);
  expect(await mailTo(request, address)).toEqual([]);
  await page.goto("/ja/reset-password/" + "x".repeat(32));
  await expect(page.getByText("この再設定リンクは無効です。")).toBeVisible();
  await context.close();
});

test("a group owner hands a member a one-time reset link", async ({ browser }) => {
  const owner = await makeUser({ name: "Olga Owner" });
  const member = await makeUser({ name: "Mika Member" });
  const busy = await makeUser({ name: "Bo Busy" });
  const group = await makeGroup(owner.id, "Reset Club");
  await addMember(group.slug, member.id);
  await addMember(group.slug, busy.id);
  // Bo is also in a group somebody else owns: the owner here cannot reset Bo's password.
  const stranger = await makeUser({ name: "Sol Stranger" });
  const other = await makeGroup(stranger.id, "Elsewhere");
  await addMember(other.slug, busy.id);

  const o = await signedInPage(browser, owner);
  await o.page.goto(`/en/groups/${group.slug}`);
  await o.page.getByRole("button", { name: "Password reset link: Bo Busy" }).click();
  await expect(o.page.getByText("also belongs to groups you do not own")).toBeVisible();
  await o.page.getByRole("button", { name: "Password reset link: Mika Member" }).click();
  const url = await o.page.getByLabel("Password reset link for Mika Member").inputValue();
  expect(url).toMatch(/\/reset-password\/[A-Za-z0-9_-]{32}$/);

  const context = await browser.newContext({
    locale: "ja-JP",
    extraHTTPHeaders: { "x-forwarded-for": fakeIp() },
  });
  const page = await context.newPage();
  await page.goto(new URL(url).pathname);
  await expect(page).toHaveURL(/\/ja\/reset-password\//);
  await page.getByLabel("新しいパスワード", { exact: true }).fill("mika-new-pass");
  await page.getByLabel("新しいパスワード（確認）").fill("mika-new-pass");
  await page.getByRole("button", { name: "保存してログイン" }).click();
  await expect(page).toHaveURL(/\/ja\/groups$/);
  const reset = await testDb().passwordReset.findFirstOrThrow({ where: { userId: member.id } });
  expect(reset.usedAt).not.toBeNull();
  expect(reset.createdById).toBe(owner.id);
  await Promise.all([context.close(), o.context.close()]);
});

import {
  test,
  expect,
  signedInPage,
  fakeIp,
  PASSWORD,
  uniqueId,
  makeUser,
} from "./support/fixtures";
import { testDb } from "./support/db";

test.describe("accounts", () => {
  test("sign up, sign out and sign in again (English)", async ({ page }) => {
    const email = `new-${uniqueId()}@example.test`;
    await page.goto("/en/sign-up");
    await page.getByLabel("Display name").fill("Aki Tanaka");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/en\/groups$/);
    await expect(page.getByRole("heading", { name: "Your groups" })).toBeVisible();

    const saved = await testDb().user.findUniqueOrThrow({
      where: { email },
      select: { passwordHash: true, name: true },
    });
    expect(saved.name).toBe("Aki Tanaka");
    expect(saved.passwordHash).toMatch(/^\$argon2id\$/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await page.goto("/en/groups");
    await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fgroups/);

    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/en\/groups$/);
  });

  test("sign up in Japanese shows Japanese field errors and creates nothing on bad input", async ({
    page,
  }) => {
    const email = `ja-${uniqueId()}@example.test`;
    await page.goto("/ja/sign-up");
    // The field stops typing at 100; a hand-made request can still send more.
    await page.getByLabel("表示名").evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel("表示名").fill("x".repeat(101));
    await page.getByLabel("メールアドレス").fill("not-an-email");
    await page.getByLabel("パスワード").fill("short");
    await page.getByRole("button", { name: "アカウントを作成" }).click();
    await expect(page.getByText("100 文字以内にしてください。")).toBeVisible();
    await expect(page.getByText("正しいメールアドレスを入力してください。")).toBeVisible();
    await expect(page.getByText("8 文字以上にしてください。")).toBeVisible();
    // What was typed (but never the password) is kept.
    await expect(page.getByLabel("メールアドレス")).toHaveValue("not-an-email");
    await expect(page.getByLabel("パスワード")).toHaveValue("");

    await page.getByLabel("表示名").fill("田中");
    await page.getByLabel("メールアドレス").fill(email);
    await page.getByLabel("パスワード").fill(PASSWORD);
    await page.getByRole("button", { name: "アカウントを作成" }).click();
    await expect(page).toHaveURL(/\/ja\/groups$/);
    await expect(page.getByRole("heading", { name: "参加中のグループ" })).toBeVisible();
    expect(await testDb().user.count({ where: { email } })).toBe(1);
  });

  test("an email already registered is refused at the field", async ({ page }) => {
    const existing = await makeUser();
    await page.goto("/en/sign-up");
    await page.getByLabel("Display name").fill("Someone Else");
    await page.getByLabel("Email").fill(existing.email);
    await page.getByLabel("Password").fill("another-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists")).toBeVisible();
    const user = await testDb().user.findUniqueOrThrow({
      where: { email: existing.email },
      select: { name: true },
    });
    expect(user.name).toBe(existing.name);
  });

  test("a wrong password is refused with a message in the user's language", async ({ page }) => {
    const user = await makeUser();
    await page.goto("/ja/sign-in");
    await page.getByLabel("メールアドレス").fill(user.email);
    await page.getByLabel("パスワード").fill("wrong-password");
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(page.locator("[data-notice=error]")).toHaveText(
      "メールアドレスまたはパスワードが正しくありません。",
    );
    await expect(page).toHaveURL(/\/ja\/sign-in/);
  });

  test("ten failed sign-ins back off that client for that account, not the account itself", async ({
    browser,
  }) => {
    const user = await makeUser();
    const attackerIp = fakeIp();
    const attacker = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": attackerIp },
    });
    const page = await attacker.newPage();
    await page.goto("/en/sign-in");
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("[data-notice=error]")).toHaveText(
        "The email or password is not correct.",
      );
      // Wait for the form to settle before the next attempt.
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    // Even the right password is refused from the client that guessed.
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("[data-notice=error]")).toContainText("Too many failed sign-ins");
    expect(
      await testDb().signInFailure.count({ where: { email: user.email, ip: attackerIp } }),
    ).toBe(11);

    // The account's owner, elsewhere, is not locked out by someone else's guesses.
    const owner = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
    const page2 = await owner.newPage();
    await page2.goto("/en/sign-in");
    await page2.getByLabel("Email").fill(user.email);
    await page2.getByLabel("Password").fill(user.password);
    await page2.getByRole("button", { name: "Sign in" }).click();
    await expect(page2).toHaveURL(/\/en\/groups$/);
    await attacker.close();
    await owner.close();
  });

  test("ten failures from one IP block that IP for every account", async ({ browser }) => {
    const ip = fakeIp();
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
    const page = await context.newPage();
    const victim = await makeUser();
    const csrf = async () =>
      ((await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string })
        .csrfToken;
    for (let i = 0; i < 10; i++) {
      await page.request.post("/api/auth/callback/credentials", {
        form: {
          email: `nobody-${i}-${uniqueId()}@example.test`,
          password: "wrong-pass",
          csrfToken: await csrf(),
        },
        maxRedirects: 0,
      });
    }
    const res = await page.request.post("/api/auth/callback/credentials", {
      form: { email: victim.email, password: victim.password, csrfToken: await csrf() },
      maxRedirects: 0,
    });
    expect(res.headers()["location"]).toContain("code=rate_limited");
    await context.close();
  });

  test("the profile changes name, language and password; other sessions end", async ({
    browser,
  }) => {
    const user = await makeUser();
    const { page, context } = await signedInPage(browser, user);
    // Signed in on another device before the password changes.
    const laptop = await signedInPage(browser, user);
    await laptop.page.goto("/en/groups");
    await expect(laptop.page).toHaveURL(/\/en\/groups$/);
    await page.goto("/en/profile");
    await page.getByLabel("Display name").fill("Renamed Reader");
    await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/ja\/profile$/);
    await expect(page.getByRole("heading", { name: "プロフィール" })).toBeVisible();
    const saved = await testDb().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { name: true, locale: true },
    });
    expect(saved).toEqual({ name: "Renamed Reader", locale: "ja" });

    await page.getByLabel("現在のパスワード").fill("not-my-password");
    await page.getByLabel("新しいパスワード", { exact: true }).fill("brand-new-pass");
    await page.getByLabel("新しいパスワード（確認）").fill("brand-new-pass");
    await page.getByRole("button", { name: "パスワードを変更" }).click();
    await expect(page.getByText("現在のパスワードが正しくありません。")).toBeVisible();

    await page.getByLabel("現在のパスワード").fill(user.password);
    await page.getByLabel("新しいパスワード", { exact: true }).fill("brand-new-pass");
    await page.getByLabel("新しいパスワード（確認）").fill("brand-new-pass");
    await page.getByRole("button", { name: "パスワードを変更" }).click();
    await expect(page.getByText("パスワードを変更しました。")).toBeVisible();
    // This session stays signed in; the other device is signed out.
    await page.reload();
    await expect(page.getByRole("heading", { name: "プロフィール" })).toBeVisible();
    await laptop.page.goto("/en/groups");
    await expect(laptop.page).toHaveURL(/\/sign-in/);
    await laptop.context.close();
    await context.close();

    // The new password works; the language is remembered at the next sign-in.
    const fresh = await browser.newContext({
      locale: "en-US",
      extraHTTPHeaders: { "x-forwarded-for": fakeIp() },
    });
    const p2 = await fresh.newPage();
    await p2.goto("/en/sign-in");
    await p2.getByLabel("Email").fill(user.email);
    await p2.getByLabel("Password").fill("brand-new-pass");
    await p2.getByRole("button", { name: "Sign in" }).click();
    await expect(p2).toHaveURL(/\/ja\/groups$/);
    await fresh.close();
  });

  test("anonymous visitors are sent to sign in, then back", async ({ page }) => {
    const user = await makeUser();
    await page.goto("/en/profile");
    await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fprofile/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/en\/profile$/);
  });
});

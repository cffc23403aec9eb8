// Every page works under its Content-Security-Policy: no violation reported by Chromium, and the
// page's scripts run (the nonce reaches Next.js's own inline scripts).
import {
  test,
  expect,
  makeUser,
  makeReading,
  makeRecapMeeting,
  signedInPage,
} from "./support/fixtures";
import { watchViolations } from "./support/csp";

test("pages carry a nonce-based policy and run their scripts without violations", async ({
  browser,
}) => {
  const anonymous = await browser.newContext();
  const a = await anonymous.newPage();
  const anonymousViolations = watchViolations(a);
  const response = await a.goto("/en/sign-in");
  const csp = response!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["permissions-policy"]).toContain("camera=()");
  // A nonce is fresh on every request.
  const again = await a.request.get("/en/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);
  // Scripts run: the language switcher works.
  await a.getByRole("button", { name: "日本語" }).click();
  await expect(a).toHaveURL(/\/ja\/sign-in/);
  expect(anonymousViolations).toEqual([]);
  await anonymous.close();

  const user = await makeUser();
  const r = await makeReading(user, { startedAgoMs: 60_000 });
  const m = await makeRecapMeeting();
  const s = await signedInPage(browser, user);
  const violations = watchViolations(s.page);
  await s.page.goto(`/en${r.path}`);
  // The countdown shows digits only once its script measured the clock.
  await expect(s.page.getByTestId("time-left")).toHaveText(/\d\d:\d\d/);
  await s.page.goto(`/en${r.path}/projector`);
  await expect(s.page.getByTestId("projector-time").first()).toHaveText(/\d\d:\d\d/);
  expect(violations).toEqual([]);
  await s.context.close();

  const f = await signedInPage(browser, m.facilitator);
  const fv = watchViolations(f.page);
  await f.page.goto(`/en${m.path}/recap`);
  await expect(f.page.getByTestId("presenter-name")).toHaveText("Aoi Presenter");
  await f.page.keyboard.press("ArrowRight");
  await expect(f.page.getByTestId("presenter-timer")).toHaveText(/^0:0\d/);
  expect(fv).toEqual([]);
  await f.context.close();
});

test("the not-found and error pages run their scripts under the policy, in both languages", async ({
  browser,
}) => {
  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  const violations = watchViolations(page);
  for (const [locale, title, other, otherError] of [
    ["en", "Page not found", "日本語", "問題が発生しました"],
    ["ja", "ページが見つかりません", "English", "Something went wrong"],
  ] as const) {
    const response = await page.goto(`/${locale}/this-page-does-not-exist`);
    expect(response!.status()).toBe(404);
    expect(response!.headers()["content-security-policy"]).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    // Its scripts run: the language switch takes the visitor to the same page in the other language.
    await page.getByRole("button", { name: other }).click();
    await expect(page).toHaveURL(
      new RegExp(`/${locale === "en" ? "ja" : "en"}/this-page-does-not-exist$`),
    );
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(title);

    const failing = await page.goto(`/${locale}/test-only/error`);
    expect(failing!.status()).toBe(500);
    await expect(page.getByRole("alert").getByRole("button")).toBeVisible();
    await page.getByRole("button", { name: other }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale === "en" ? "ja" : "en"}/test-only/error$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(otherError);
  }
  expect(violations).toEqual([]);
  await anonymous.close();

  // A signed-in member asking for a group that does not exist.
  const user = await makeUser();
  const s = await signedInPage(browser, user);
  const memberViolations = watchViolations(s.page);
  for (const [locale, title] of [
    ["ja", "ページが見つかりません"],
    ["en", "Page not found"],
  ] as const) {
    const response = await s.page.goto(`/${locale}/groups/no-such-group-${Date.now()}`);
    expect(response!.status()).toBe(404);
    await expect(s.page.getByRole("heading", { level: 1 })).toHaveText(title);
  }
  await s.page.getByRole("button", { name: "日本語" }).click();
  await expect(s.page).toHaveURL(/\/ja\/groups\/no-such-group-/);
  await expect(s.page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  expect(memberViolations).toEqual([]);
  await s.context.close();
});

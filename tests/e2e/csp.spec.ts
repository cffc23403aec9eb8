// Every page works under its Content-Security-Policy: no violation reported by Chromium, and the
// page's scripts run (the nonce reaches Next.js's own inline scripts).
import type { Page } from "@playwright/test";
import {
  test,
  expect,
  makeUser,
  makeReading,
  makeRecapMeeting,
  signedInPage,
} from "./support/fixtures";

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text()))
      violations.push(m.text());
  });
  return violations;
}

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

// The three screens a study group lives in, looked at as the group sees them: both languages,
// light and dark where the screen has themes, at a phone, a laptop and a projector. Each view is
// checked for sideways scrolling and accessibility, and its screenshot is attached to the run.
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import {
  test,
  expect,
  makeUser,
  makeReading,
  makeRecapMeeting,
  addMember,
  addReading,
  signedInPage,
  rememberTimeZone,
  setMeetingPhase,
  SummaryForm,
} from "./support/fixtures";

const widths = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const locales = ["en", "ja"] as const;
const schemes = ["light", "dark"] as const;

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" | ")}`);
}

/** Nothing wider than the screen: a phone never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
}

async function attach(page: Page, testInfo: TestInfo, name: string, fullPage = true) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

for (const locale of locales) {
  test(`the reading page uses the width it has, puts the form first on a phone and has a dark theme (${locale})`, async ({
    browser,
  }, testInfo) => {
    // Six page loads, each photographed; one checked by axe.
    test.slow();
    const reader = await makeUser({ name: "Rei Reader" });
    const r = await makeReading(reader, { startedAgoMs: 12 * 60_000 });
    for (const name of ["Kai", "Mio", "Sora"]) {
      const other = await makeUser({ name: `${name} Reader` });
      await addMember(r.groupSlug, other.id);
      await addReading(r.meetingId, other.id, { startedAgoMs: 10 * 60_000 });
    }
    for (const [scheme, viewport] of schemes.flatMap((c) => widths.map((w) => [c, w] as const))) {
      const { page, context } = await signedInPage(browser, reader, { locale, viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await rememberTimeZone(page);
      await page.goto(`/${locale}${r.path}`);
      await expect(page.getByTestId("timer-status")).toBeVisible();
      const form = page.getByRole("region", {
        name: locale === "en" ? /Your summary/ : /あなたのまとめ/,
      });
      const board = page.getByTestId("board");
      await expect(form).toBeVisible();
      const f = (await form.boundingBox())!;
      const b = (await board.boundingBox())!;
      if (viewport.width === 390) {
        // The form comes before the board: a phone reaches it without scrolling past everyone.
        expect(f.y).toBeLessThan(b.y);
      } else {
        // Side by side, and on a projector-sized screen the page is not a narrow column.
        expect(b.x).toBeGreaterThanOrEqual(f.x + f.width);
        expect(b.x + b.width - f.x).toBeGreaterThan(viewport.width * 0.75);
      }
      await expectNoSidewaysScroll(page);
      if (viewport.width === 1440) expect(await axeViolations(page)).toEqual([]);
      await attach(page, testInfo, `reading-${locale}-${scheme}-${viewport.width}.png`);
      await context.close();
    }
  });
}

for (const locale of locales) {
  for (const scheme of schemes) {
    test(`the projector and the recap screens at a phone, a laptop and a projector (${locale}, ${scheme})`, async ({
      browser,
    }, testInfo) => {
      test.slow();
      const m = await makeRecapMeeting();
      const reading = await makeReading(m.facilitator, { startedAgoMs: 20 * 60_000 });
      for (const [i, name] of ["Kai", "Mio", "Sora", "Tomo", "Yuki", "Ren"].entries()) {
        const other = await makeUser({ name: `${name} Reader` });
        await addMember(reading.groupSlug, other.id);
        await addReading(reading.meetingId, other.id, { startedAgoMs: (44 + i * 2) * 60_000 });
      }
      for (const viewport of widths) {
        const { page, context } = await signedInPage(browser, m.facilitator, { locale, viewport });
        await page.emulateMedia({ colorScheme: scheme });
        await rememberTimeZone(page);

        await page.goto(`/${locale}${reading.path}/projector`);
        const projector = page.getByTestId("projector");
        await expect(projector).toHaveAttribute("data-theme", scheme);
        await expect(projector.getByTestId("projector-time").first()).toHaveText(/\d\d:\d\d/);
        await expectNoSidewaysScroll(page);
        if (viewport.width === 1920) expect(await axeViolations(page)).toEqual([]);
        await attach(page, testInfo, `projector-${locale}-${scheme}-${viewport.width}.png`);

        await page.goto(`/${locale}${m.path}/recap`);
        const screen = page.getByTestId("recap-screen");
        await expect(screen).toHaveAttribute("data-theme", scheme);
        await expect(page.getByTestId("presenter-name")).toHaveText("Aoi Presenter");
        await expectNoSidewaysScroll(page);
        if (viewport.width === 1920) expect(await axeViolations(page)).toEqual([]);
        await attach(page, testInfo, `recap-${locale}-${scheme}-${viewport.width}.png`);
        await context.close();
      }
    });
  }
}

test("a short recap slide grows to fill the projector; a long one shrinks to its floor", async ({
  browser,
}) => {
  const m = await makeRecapMeeting();
  const { page, context } = await signedInPage(browser, m.facilitator, {
    viewport: { width: 1920, height: 1080 },
  });
  await page.goto(`/en${m.path}/recap`);
  const slide = page.getByTestId("recap-slide");
  await expect(page.getByTestId("presenter-name")).toHaveText("Aoi Presenter");
  // Short answers: scaled up, and the slide still fits without scrolling.
  await expect
    .poll(async () => Number(await slide.getAttribute("data-scale")))
    .toBeGreaterThan(1.2);
  const fits = () =>
    slide.evaluate((el) => {
      const frame = el.parentElement!;
      return frame.scrollHeight <= frame.clientHeight;
    });
  expect(await fits()).toBe(true);
  const grown = Number(await slide.getAttribute("data-scale"));

  // A presenter fills an answer during the recap: the same slide shrinks to fit the screen.
  const aoi = await signedInPage(browser, m.readers[0]!, { locale: "en" });
  await aoi.page.goto(`/en${m.path}`);
  const form = new SummaryForm(aoi.page);
  const long = Array.from({ length: 16 }, (_, i) => `- Point ${i + 1}: ${"detail ".repeat(16)}`);
  await form.answer("How was it shown to work?").fill(long.join("\n"));
  await form.saved();
  await expect(slide).toContainText("Point 16");
  // Smaller, never below the screen's floor: past that the answers flow into more columns.
  await expect.poll(async () => Number(await slide.getAttribute("data-scale"))).toBeLessThan(grown);
  expect(Number(await slide.getAttribute("data-scale"))).toBeGreaterThanOrEqual(1);
  await aoi.context.close();
  await context.close();
});

test("the recap slide is fitted in the first paint, before the page's JavaScript runs", async ({
  browser,
}) => {
  const m = await makeRecapMeeting();
  const { page, context } = await signedInPage(browser, m.facilitator, {
    viewport: { width: 1920, height: 1080 },
  });
  // No script from the build: what shows is the server's HTML and its inline scripts alone.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto(`/en${m.path}/recap`);
  const slide = page.getByTestId("recap-slide");
  await expect(page.getByTestId("presenter-name")).toHaveText("Aoi Presenter");
  expect(Number(await slide.getAttribute("data-scale"))).toBeGreaterThan(1.2);
  expect(
    await slide.evaluate((el) => el.parentElement!.scrollHeight <= el.parentElement!.clientHeight),
  ).toBe(true);
  await context.close();
});

for (const locale of locales) {
  test(`the phone remote and a closed meeting, in both themes (${locale})`, async ({
    browser,
  }, testInfo) => {
    test.slow();
    const m = await makeRecapMeeting();
    const closed = await makeRecapMeeting();
    await setMeetingPhase(closed.meetingId, "CLOSED");
    for (const scheme of schemes) {
      const phone = await signedInPage(browser, m.facilitator, {
        locale,
        viewport: { width: 390, height: 844 },
      });
      await phone.page.emulateMedia({ colorScheme: scheme });
      await phone.page.goto(`/${locale}${m.path}/remote`);
      await expect(phone.page.getByTestId("remote-presenter")).toContainText("Aoi Presenter");
      await expectNoSidewaysScroll(phone.page);
      expect(await axeViolations(phone.page)).toEqual([]);
      await attach(phone.page, testInfo, `remote-${locale}-${scheme}-390.png`);
      await phone.context.close();

      for (const viewport of [widths[0], widths[1]]) {
        const s = await signedInPage(browser, closed.readers[0]!, { locale, viewport });
        await s.page.emulateMedia({ colorScheme: scheme });
        await s.page.goto(`/${locale}${closed.path}`);
        await expect(s.page.getByText("Gist of Ben Presenter")).toBeVisible();
        // A record: no countdown, no clocks on the board, nothing "live".
        await expect(s.page.getByTestId("timer-status")).toHaveCount(0);
        await expect(s.page.getByTestId("board-time").first()).toHaveText("");
        await expectNoSidewaysScroll(s.page);
        if (viewport.width === 1440) expect(await axeViolations(s.page)).toEqual([]);
        await attach(s.page, testInfo, `closed-${locale}-${scheme}-${viewport.width}.png`);
        await s.context.close();
      }
    }
  });
}

for (const locale of locales) {
  test(`on a phone a facilitator who reads sees their own countdown on the first screen (${locale})`, async ({
    browser,
  }, testInfo) => {
    const user = await makeUser();
    // The group's owner runs the meeting and reads in it too.
    const r = await makeReading(user, { startedAgoMs: 5 * 60_000 });
    const { page, context } = await signedInPage(browser, user, {
      locale,
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`/${locale}${r.path}`);
    const digits = page.getByTestId("time-left");
    await expect(digits).toHaveText(/\d\d:\d\d/);
    const box = (await digits.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    // The facilitator's controls are one bar above it; the meeting link and the projector
    // come after the reader's form.
    const controls = page.getByRole("region", {
      name: locale === "en" ? "Facilitator" : "ファシリテーター",
    });
    await expect(controls).toBeVisible();
    // One row of buttons (about 58 px), not a card of stacked ones.
    expect((await controls.boundingBox())!.height).toBeLessThanOrEqual(72);
    // Closing the meeting, rare and final, waits in the bar's menu.
    const close = page.getByRole("button", {
      name: locale === "en" ? "Close meeting" : "勉強会を終了",
    });
    await expect(close).toBeHidden();
    await page.getByText("⋯").click();
    await expect(close).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(close).toBeHidden();
    const form = page.getByRole("textbox").first();
    const projector = page.getByRole("link", {
      name: locale === "en" ? "Projector view" : "プロジェクター表示",
    });
    expect((await projector.boundingBox())!.y).toBeGreaterThan((await form.boundingBox())!.y);
    await expectNoSidewaysScroll(page);
    await attach(page, testInfo, `reading-facilitator-${locale}-390-first-screen.png`, false);
    await context.close();
  });
}

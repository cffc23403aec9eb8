// The recap slide fits the screen it is shown on, from a laptop to a 4K projector and a phone held
// upright, with answers as long as real minutes hold: every answer's last line is on the screen on
// some page of the slide, nothing runs under the footer, and the question labels stay readable.
import type { Browser, Page, TestInfo } from "@playwright/test";
import { test, expect, makeRecapMeeting, signedInPage } from "./support/fixtures";

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 390, height: 844 },
];

/**
 * For every answer on the page of the slide shown now: whether its last line is inside the
 * slide's view, the viewport and above the footer; and the smallest label and answer text.
 */
function visibleEnds(page: Page) {
  return page.evaluate(() => {
    const view = document.querySelector("[data-testid=slide-view]")!.getBoundingClientRect();
    const footer = document.querySelector("footer")!.getBoundingClientRect();
    const bottom = Math.min(view.bottom, footer.top, window.innerHeight);
    const right = Math.min(view.right, window.innerWidth);
    const answers = [...document.querySelectorAll<HTMLElement>("[data-testid=slide-answer]")];
    const ends = answers.map((section) => {
      // The last character of the answer's text: its line is the answer's last.
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if ((n.textContent ?? "").trim()) last = n as Text;
      if (!last) return false;
      const range = document.createRange();
      const end = last.textContent!.trimEnd().length;
      range.setStart(last, end - 1);
      range.setEnd(last, end);
      const r = range.getBoundingClientRect();
      return (
        r.top >= view.top - 1 &&
        r.bottom <= bottom + 1 &&
        r.left >= view.left - 1 &&
        r.right <= right + 1
      );
    });
    const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const labels = answers.map((a) => size(a.querySelector("h2")!));
    const texts = answers.map((a) => size(a.querySelector(".markdown")!));
    return {
      ends,
      minLabel: Math.min(...labels),
      minText: Math.min(...texts),
      viewBottom: view.bottom,
      footerTop: footer.top,
    };
  });
}

async function attach(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

for (const locale of ["en", "ja"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test(`the recap slide fits every screen (${locale}, ${scheme})`, async ({
      browser,
    }, testInfo) => {
      test.slow();
      const m = await makeRecapMeeting({ longFirst: true });
      const { page, context } = await signedInPage(browser, m.facilitator, {
        locale,
        viewport: SCREENS[0]!,
      });
      await page.emulateMedia({ colorScheme: scheme });
      for (const screen of SCREENS) {
        await page.setViewportSize(screen);
        await page.goto(`/${locale}${m.path}/recap`);
        await expect(page.getByTestId("presenter-name")).toHaveText("Aoi Presenter");
        await expect(page.getByTestId("recap-screen")).toHaveAttribute("data-theme", scheme);
        const slide = page.getByTestId("recap-slide");
        // Measured once the page's script runs (the clock shows digits): the marker, the slide's
        // page count and its fit then agree.
        await expect(page.getByTestId("presenter-timer")).toHaveText(/\d:\d\d/);
        await expect
          .poll(async () => {
            const count = await slide.getAttribute("data-pages");
            const marker = await page
              .getByTestId("slide-page")
              .textContent({ timeout: 100 })
              .catch(() => null);
            return marker === null ? count === "1" : marker.endsWith(`/${count}`);
          })
          .toBe(true);
        const pages = Number(await slide.getAttribute("data-pages"));
        expect(pages).toBeGreaterThanOrEqual(1);
        if (pages > 1)
          await expect(page.getByTestId("slide-page")).toHaveText(new RegExp(`^1/${pages}`));
        else await expect(page.getByTestId("slide-page")).toHaveCount(0);

        const seen = new Set<number>();
        for (let p = 0; p < pages; p++) {
          if (p > 0) {
            await page.keyboard.press(p % 2 ? "ArrowDown" : "PageDown");
            await expect(page.getByTestId("slide-page")).toHaveText(
              new RegExp(`^${p + 1}/${pages}`),
            );
            // Still this presenter: paging comes before the next one.
            await expect(page.getByTestId("presenter-name")).toHaveText("Aoi Presenter");
          }
          await expect(page.getByTestId("slide-columns")).toHaveAttribute("data-page", String(p));
          // The columns slide into place (a short transition); measure once they have.
          await page.waitForFunction(
            () =>
              document.querySelector("[data-testid=slide-columns]")!.getAnimations().length === 0,
          );
          const shown = await visibleEnds(page);
          shown.ends.forEach((inside, i) => inside && seen.add(i));
          expect(shown.viewBottom).toBeLessThanOrEqual(shown.footerTop + 1);
          expect(shown.minLabel).toBeGreaterThanOrEqual(16);
          // The type follows the screen: 20 px at 1280×720, three times that on a 4K projector.
          const base =
            20 * Math.min(3, Math.max(0.8, Math.min(screen.width / 1280, screen.height / 720)));
          expect(shown.minText).toBeGreaterThanOrEqual(base - 0.5);
          if (p === 0 || p === pages - 1)
            await attach(
              page,
              testInfo,
              `recap-fit-${locale}-${scheme}-${screen.width}x${screen.height}-page${p + 1}.png`,
            );
        }
        const answers = await page.getByTestId("slide-answer").count();
        expect(answers).toBe(6);
        expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);

        // Past the last page, the same key moves to the next presenter; ↑ pages back first.
        if (pages > 1) {
          await page.keyboard.press("ArrowUp");
          await expect(page.getByTestId("slide-page")).toHaveText(
            new RegExp(`^${pages - 1}/${pages}`),
          );
          await page.keyboard.press("ArrowDown");
        }
        // The first "next" starts the presenter's timer (the slide may refit: the hint goes).
        await page.keyboard.press("PageDown");
        await expect(page.getByTestId("presenter-timer")).not.toHaveText("-:--");
        await expect(page.getByText(/Press → or Space|→ かスペース/)).toHaveCount(0);
        // Still on the slide's last page, however it refitted.
        for (let i = 0; i < 20; i++) {
          const total = Number(await slide.getAttribute("data-pages"));
          const at = Number(await page.getByTestId("slide-columns").getAttribute("data-page"));
          if (at >= total - 1) break;
          await page.keyboard.press("ArrowDown");
          await expect(page.getByTestId("slide-columns")).toHaveAttribute(
            "data-page",
            String(at + 1),
          );
        }
        await page.keyboard.press("PageDown");
        await expect(page.getByTestId("presenter-name")).toHaveText("Ben Presenter");
        await expect(page.getByTestId("slide-page")).toHaveCount(0);
        await page.keyboard.press("ArrowLeft");
        await expect(page.getByTestId("presenter-name")).toHaveText("Aoi Presenter");
        // Back on the long slide: its first page again.
        if (pages > 1)
          await expect(page.getByTestId("slide-page")).toHaveText(new RegExp(`^1/${pages}`));
        await expect(page.getByTestId("recap-screen")).toHaveAttribute("data-syncing", "false");
      }
      await context.close();
    });
  }
}

/** The facilitator's own screen while presenting: a laptop, and a phone held upright. */
const PRESENTER_SCREENS = [
  { width: 1350, height: 940 },
  { width: 412, height: 823 },
];

function presenterScreen(
  browser: Browser,
  m: Awaited<ReturnType<typeof makeRecapMeeting>>,
  viewport: { width: number; height: number },
) {
  return signedInPage(browser, m.facilitator, { locale: "en", viewport });
}

test("the presenter screen holds still as its clock, next-up line and page control arrive", async ({
  browser,
}) => {
  const m = await makeRecapMeeting({ longFirst: true });
  for (const viewport of PRESENTER_SCREENS) {
    const { page, context } = await presenterScreen(browser, m, viewport);
    // Every layout shift from the first paint, with where its moved elements sit.
    await page.addInitScript(() => {
      const shifts: string[] = [];
      Object.assign(window, { shifts });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          sources?: {
            node?: Node | null;
            previousRect: DOMRectReadOnly;
            currentRect: DOMRectReadOnly;
          }[];
        })[])
          for (const source of entry.sources ?? []) {
            const node = source.node instanceof Element ? source.node : source.node?.parentElement;
            const where = node?.closest("header, footer, [data-testid=slide-view]");
            if (where)
              shifts.push(
                `${where.tagName.toLowerCase()}: ${node!.tagName.toLowerCase()}${node!.getAttribute("data-testid") ? `#${node!.getAttribute("data-testid")}` : ""} ${JSON.stringify([source.previousRect, source.currentRect])}`,
              );
          }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`/en${m.path}/recap`);
    await expect(page.getByTestId("presenter-timer")).toHaveText(/\d:\d\d/);
    await expect(page.getByTestId("slide-page")).toHaveText(/^1\/\d/);
    await expect(page.getByTestId("next-up")).not.toBeEmpty();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=slide-columns]")!.getAnimations().length === 0,
    );
    // Layout-shift entries are reported after the frame that shifted.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual(
      [],
    );
    await context.close();
  }
});

test("a presenter screen whose page has only partly arrived paints nothing that could move", async ({
  browser,
}) => {
  // The browser may paint a page's HTML before all of it is here: the header without its buttons,
  // the slide before the script that fits it. Here the page stops before its footer.
  const m = await makeRecapMeeting({ longFirst: true });
  const { page, context } = await presenterScreen(browser, m, PRESENTER_SCREENS[1]!);
  const url = `/en${m.path}/recap`;
  await page.route(`**${url}`, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const cut = html.indexOf("<footer");
    expect(cut).toBeGreaterThan(0);
    await route.fulfill({ response, body: html.slice(0, cut) });
  });
  await page.goto(url);
  await expect(page.getByTestId("recap-screen")).toBeAttached();
  await expect(page.getByTestId("recap-progress")).toBeHidden();
  await expect(page.getByTestId("presenter-name")).toBeHidden();
  await context.close();
});

test("a dropped connection is told on the presenter screen without moving its header", async ({
  browser,
}) => {
  const m = await makeRecapMeeting();
  for (const viewport of PRESENTER_SCREENS) {
    const { page, context } = await presenterScreen(browser, m, viewport);
    await page.goto(`/en${m.path}/recap`);
    await expect(page.getByTestId("presenter-timer")).toHaveText(/\d:\d\d/);
    const header = page.locator("header").filter({ has: page.getByTestId("recap-progress") });
    const boxes = async () => ({
      header: await header.boundingBox(),
      progress: await page.getByTestId("recap-progress").boundingBox(),
      // The same width at every second (tabular digits): where it sits is what could move.
      timer: await page.getByTestId("presenter-timer").boundingBox(),
      leave: await page.getByRole("button", { name: "Leave" }).boundingBox(),
    });
    const before = await boxes();

    await context.setOffline(true);
    await expect(page.getByRole("status").getByText("Reconnecting…")).toBeVisible({
      timeout: 10_000,
    });
    expect(await boxes(), `${viewport.width} px: the header as it was`).toEqual(before);
    await context.setOffline(false);
    await expect(page.getByText("Reconnecting…")).toBeHidden({ timeout: 10_000 });
    await context.close();
  }
});

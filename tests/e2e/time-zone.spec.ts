// Times show in the reader's own time zone from the very first page: the server cannot know the
// zone before the browser says so, so the page must never be seen with the server's guess.
import type { Browser, Page } from "@playwright/test";
import { test, expect, makeUser, makeGroup, makeMeeting, signedInPage } from "./support/fixtures";

/** Records, for every document the tab loads, whether it was visible and what it said. */
async function recordDocuments(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      const log = JSON.parse(sessionStorage.getItem("documents") ?? "[]") as unknown[];
      log.push({
        visible: getComputedStyle(document.documentElement).visibility !== "hidden",
        text: document.body.innerText,
      });
      sessionStorage.setItem("documents", JSON.stringify(log));
    });
  });
}

async function documents(page: Page) {
  return JSON.parse(await page.evaluate(() => sessionStorage.getItem("documents") ?? "[]")) as {
    visible: boolean;
    text: string;
  }[];
}

/** A group with a meeting planned for 2027-03-01 00:00 UTC, and its owner's tab in `zone`. */
async function meetingIn(browser: Browser, locale: "en" | "ja", zone: string) {
  const owner = await makeUser({ name: "Tomo Owner" });
  const group = await makeGroup(owner.id);
  await makeMeeting(group.slug, owner.id, 1, {
    phase: "PLANNED",
    scheduledAt: new Date("2027-03-01T00:00:00Z"),
  });
  const { page, context } = await signedInPage(browser, owner, { locale, timezoneId: zone });
  await recordDocuments(page);
  return { page, context, group };
}

const cases = [
  // The server guesses UTC for English and Japan for Japanese; neither is right here.
  { locale: "en", zone: "Pacific/Auckland", local: "Mar 1, 2027, 1:00 PM", guess: "12:00 AM" },
  { locale: "ja", zone: "America/New_York", local: "2027/02/28 19:00", guess: "2027/03/01 9:00" },
] as const;

for (const c of cases) {
  test(`a first visit from ${c.zone} (${c.locale}) never shows the server's guess of the zone`, async ({
    browser,
  }) => {
    // 2027-03-01 00:00 UTC: 13:00 in Auckland, 19:00 the evening before in New York.
    const { page, context, group } = await meetingIn(browser, c.locale, c.zone);
    await page.goto(`/${c.locale}/groups/${group.slug}`);
    const meetings = page.getByTestId("meetings");
    await expect(meetings).toContainText(c.local);

    const seen = (await documents(page)).filter((d) => d.visible);
    expect(seen.length).toBeGreaterThan(0);
    for (const d of seen) {
      expect(d.text).toContain(c.local);
      expect(d.text).not.toContain(c.guess);
    }

    // The zone is remembered: the next visit is one document, already right.
    await page.evaluate(() => sessionStorage.removeItem("documents"));
    await page.reload();
    await expect(meetings).toContainText(c.local);
    const again = await documents(page);
    expect(again).toHaveLength(1);
    expect(again[0]!.visible).toBe(true);
    await context.close();
  });
}

test("a page in a zone that keeps the browser's clocks loads once and never asks Intl for the zone", async ({
  browser,
}) => {
  // Seoul's clocks are Tokyo's (the Japanese pages' first guess) every day of the year.
  const { page, context, group } = await meetingIn(browser, "ja", "Asia/Seoul");
  await page.addInitScript(() => {
    const Original = Intl.DateTimeFormat;
    const w = window as unknown as { intlAsked: number };
    w.intlAsked = 0;
    Intl.DateTimeFormat = new Proxy(Original, {
      apply: (target, self, args) => (w.intlAsked++, Reflect.apply(target, self, args)),
      construct: (target, args) => (w.intlAsked++, Reflect.construct(target, args)),
    });
  });
  await page.goto(`/ja/groups/${group.slug}`);
  await expect(page.getByTestId("meetings")).toContainText("2027/03/01 9:00");
  expect(await documents(page)).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { intlAsked: number }).intlAsked)).toBe(0);
  expect((await context.cookies()).some((c) => c.name === "yomikai-tz")).toBe(false);
  await context.close();
});

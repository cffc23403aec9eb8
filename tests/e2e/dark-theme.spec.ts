// Every page in the dark theme (the system's choice): dark behind the content, no violation of
// axe's WCAG 2.1 A and AA rules (contrast among them), and a screenshot attached to the run. A page
// added without its row here fails the first test, so no page ships without being checked.
import AxeBuilder from "@axe-core/playwright";
import { join, relative, sep } from "node:path";
import type { Page } from "@playwright/test";
import {
  test,
  expect,
  makeUser,
  makeReading,
  makeRecapMeeting,
  makeInvite,
  addMember,
  setMeetingPhase,
  signedInPage,
  rememberTimeZone,
  type TestUser,
} from "./support/fixtures";
import { testDb } from "./support/db";
import { filesNamed } from "./support/app-files";

type World = {
  owner: TestUser;
  slug: string;
  /** The group whose meeting is in its recap (it has readings with answers, for the charts). */
  recapSlug: string;
  reading: string;
  recap: string;
  invite: string;
  minutes: string;
};
/** Where the page is, who looks at it (null: signed out) and what shows it has loaded. */
type Row = { path: (w: World) => string; as: (w: World) => TestUser | null; ready: string };

// Keys are the page files' routes under app/[locale], as the file system names them.
const pages: Record<string, Row> = {
  "/": { path: () => "/", as: () => null, ready: "h1" },
  "/sign-in": { path: () => "/sign-in", as: () => null, ready: "form" },
  "/sign-up": { path: () => "/sign-up", as: () => null, ready: "form" },
  "/forgot-password": { path: () => "/forgot-password", as: () => null, ready: "form" },
  "/reset-password/[token]": {
    path: () => "/reset-password/not-a-real-token-at-all-000000",
    as: () => null,
    ready: "h1",
  },
  "/invite/[token]": { path: (w) => `/invite/${w.invite}`, as: () => null, ready: "h1" },
  "/m/[token]": { path: (w) => `/m/${w.minutes}`, as: () => null, ready: "h1" },
  "/groups": { path: () => "/groups", as: (w) => w.owner, ready: "h1" },
  "/profile": { path: () => "/profile", as: (w) => w.owner, ready: "h1" },
  "/groups/[slug]": { path: (w) => `/groups/${w.slug}`, as: (w) => w.owner, ready: "h1" },
  "/groups/[slug]/archive": {
    path: (w) => `/groups/${w.slug}/archive?q=Paper`,
    as: (w) => w.owner,
    ready: "[data-testid=archive-count]",
  },
  "/groups/[slug]/stats": {
    path: (w) => `/groups/${w.recapSlug}/stats`,
    as: (w) => w.owner,
    ready: "[data-testid=stats-totals]",
  },
  "/groups/[slug]/members/[userId]": {
    path: (w) => `/groups/${w.slug}/members/${w.owner.id}`,
    as: (w) => w.owner,
    ready: "[data-testid=member-stats]",
  },
  "/groups/[slug]/settings": {
    path: (w) => `/groups/${w.slug}/settings`,
    as: (w) => w.owner,
    ready: "form",
  },
  "/groups/[slug]/meetings/[number]": {
    path: (w) => w.reading,
    as: (w) => w.owner,
    ready: "[data-testid=timer-status]",
  },
  "/groups/[slug]/meetings/[number]/projector": {
    path: (w) => `${w.reading}/projector`,
    as: (w) => w.owner,
    ready: "[data-testid=projector]",
  },
  "/groups/[slug]/meetings/[number]/recap": {
    path: (w) => `${w.recap}/recap`,
    as: (w) => w.owner,
    ready: "[data-testid=presenter-name]",
  },
  "/groups/[slug]/meetings/[number]/remote": {
    path: (w) => `${w.recap}/remote`,
    as: (w) => w.owner,
    ready: "[data-testid=remote-presenter]",
  },
  "/groups/[slug]/meetings/[number]/minutes": {
    path: (w) => `${w.recap}/minutes`,
    as: (w) => w.owner,
    ready: "h1",
  },
  // What a visitor sees for a path nothing answers, and when a page fails as it renders.
  "/[...rest]": { path: () => "/no-such-page-here", as: () => null, ready: "h1" },
  "/test-only/error": { path: () => "/test-only/error", as: () => null, ready: "[role=alert] h1" },
};

function pageRoutes(): string[] {
  const root = join(process.cwd(), "app", "[locale]");
  return filesNamed(root, "page.tsx").map((file) => {
    const parts = relative(root, file)
      .split(sep)
      .slice(0, -1)
      .filter((p) => p && !p.startsWith("("));
    return `/${parts.join("/")}`;
  });
}

/** The relative luminance (0 black … 1 white) of the colour behind the page's content. */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d")!;
    const colourOf = (el: Element | null): string => {
      for (let e = el; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c && c !== "rgba(0, 0, 0, 0)" && c !== "transparent") return c;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    // What is painted behind the page's first heading, or its main area.
    const target = document.querySelector("main h1, h1, main") ?? document.body;
    probe.fillStyle = colourOf(target);
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  });
}

test("every page has its row in the dark-theme tour", () => {
  expect(pageRoutes().sort()).toEqual(Object.keys(pages).sort());
});

for (const locale of ["en", "ja"] as const) {
  test(`every page in the dark theme: dark behind the text, no accessibility violation (${locale})`, async ({
    browser,
  }, testInfo) => {
    test.slow();
    const owner = await makeUser({ name: "Dai Dark", locale });
    const r = await makeReading(owner, { startedAgoMs: 5 * 60_000 });
    const m = await makeRecapMeeting();
    // The owner of the reading's group also drives the recap meeting.
    await addMember(m.group.slug, owner.id, "ADMIN");
    const published = await makeRecapMeeting();
    await setMeetingPhase(published.meetingId, "CLOSED");
    const minutes = `dark${published.meetingId}`.slice(0, 32).padEnd(32, "x");
    await testDb().meeting.update({
      where: { id: published.meetingId },
      data: { minutesToken: minutes, minutesPublishedAt: new Date() },
    });
    const invite = await makeInvite(r.groupSlug, owner.id, 24 * 60 * 60_000);
    const world: World = {
      owner,
      slug: r.groupSlug,
      recapSlug: m.group.slug,
      reading: r.path,
      recap: m.path,
      invite: invite.token,
      minutes,
    };

    const signedOut = await browser.newContext({ locale: locale === "ja" ? "ja-JP" : "en-US" });
    const signedIn = await signedInPage(browser, owner, { locale });
    const failures: string[] = [];
    for (const [route, row] of Object.entries(pages)) {
      const context = row.as(world) ? signedIn.context : signedOut;
      const page = context.pages()[0] ?? (await context.newPage());
      await page.emulateMedia({ colorScheme: "dark" });
      await rememberTimeZone(page);
      const path = `/${locale}${row.path(world) === "/" ? "" : row.path(world)}`;
      await page.goto(path);
      await expect(page.locator(row.ready).first(), path).toBeVisible();
      // Screens that choose their own theme start in the system's: dark here.
      const luminance = await backgroundLuminance(page);
      if (luminance > 0.05) failures.push(`${route}: background luminance ${luminance.toFixed(3)}`);
      const axe = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      for (const v of axe.violations)
        failures.push(`${route}: ${v.id} at ${v.nodes.map((n) => n.target).join(" | ")}`);
      const file = testInfo.outputPath(`dark-${locale}${route.replaceAll("/", "_")}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`dark ${locale} ${route}`, { path: file, contentType: "image/png" });
    }
    expect(failures).toEqual([]);
    await signedOut.close();
    await signedIn.context.close();
  });
}

// Lighthouse (Debian's Chromium, CHROME_PATH or /usr/bin/chromium) on the sign-in, reading and
// recap pages, signed in where needed, with the desktop and the mobile presets. Budgets: desktop
// performance ≥ 95, mobile performance ≥ 90, accessibility 100, best practices 100, and on the
// reading page no layout shift (CLS 0; the summary form replaces its placeholder) and a total
// blocking time of at most 200 ms with the mobile preset. Each page is
// measured RUNS times and the run with the median performance score is reported (Lighthouse's
// simulated throttling swings by ten points between runs on a busy machine).
import { existsSync } from "node:fs";
import { log } from "./app.mjs";
import { table } from "./load.mjs";

const CATEGORIES = ["performance", "accessibility", "best-practices"];
const RUNS = 3;

export async function lighthouse(app) {
  const { default: run } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath} (set CHROME_PATH)`);

  /** One Lighthouse run in a fresh browser. */
  async function audit(page, preset) {
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      return await run(
        `${app.base}${page.path}`,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: CATEGORIES,
          ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
        },
        preset === "desktop" ? desktopConfig : undefined,
      );
    } finally {
      await chrome.kill();
    }
  }

  const reader = app.readers[0];
  // The reading page's figures mean something only if its form arrives: a page whose form never
  // replaced its placeholder would score well and shift nothing. Checked in a fresh phone-sized
  // browser on this world (fifty readers), before Lighthouse measures it.
  const formArrives = await (async () => {
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({
      executablePath: chromePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const [name, value] = reader.cookie.split(/=(.*)/s);
      await context.addCookies([{ name, value, url: app.base }]);
      const page = await context.newPage();
      await page.goto(`${app.base}/en/groups/bench/meetings/1`);
      return await page
        .waitForSelector("#summary-title", { state: "attached", timeout: 30_000 })
        .then(() => true)
        .catch(() => false);
    } finally {
      await browser.close();
    }
  })();
  const pages = [
    { name: "signIn", path: "/en/sign-in", cookie: null },
    { name: "reading", path: "/en/groups/bench/meetings/1", cookie: reader.cookie },
    { name: "recap", path: "/en/groups/bench/meetings/2/recap", cookie: reader.cookie },
  ];
  const rows = [];
  const checks = [
    ["reading (phone, fresh browser) the summary form replaces its placeholder", formArrives],
  ];
  const figures = {};
  for (const preset of ["desktop", "mobile"]) {
    for (const page of pages) {
      log(`lighthouse: ${page.name} (${preset}), ${RUNS} runs…`);
      const results = [];
      for (let i = 0; i < RUNS; i++) results.push(await audit(page, preset));
      results.sort(
        (a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score,
      );
      const result = results[Math.floor(RUNS / 2)];
      const lhr = result.lhr;
      const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const cls = lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0;
      const row = {
        page: `${page.name} (${preset})`,
        runs: results.map((r) => Math.round(r.lhr.categories.performance.score * 100)).join(" "),
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        cls: Math.round(cls * 1000) / 1000,
        tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
        lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
      };
      rows.push(row);
      const { page: _label, ...numbers } = row;
      (figures[page.name] ??= {})[preset] = numbers;
      const perfBudget = preset === "desktop" ? 95 : 90;
      checks.push([
        `${row.page} performance ${row.performance} ≥ ${perfBudget}`,
        row.performance >= perfBudget,
      ]);
      checks.push([
        `${row.page} accessibility ${row.accessibility} = 100`,
        row.accessibility === 100,
      ]);
      checks.push([
        `${row.page} best practices ${row.bestPractices} = 100`,
        row.bestPractices === 100,
      ]);
      if (page.name === "reading" && preset === "mobile")
        checks.push([`${row.page} total blocking time ${row.tbtMs} ms ≤ 200 ms`, row.tbtMs <= 200]);
      if (page.name === "reading") {
        // Every run, not only the median: a shift that shows once in three is a shift.
        const worst = Math.max(
          ...results.map((r) => r.lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0),
        );
        checks.push([`${row.page} layout shift ${worst} = 0 in every run`, worst === 0]);
        // What moved in any run that shifted (the table's line below is the median run's only).
        for (const [i, r] of results.entries()) {
          const items = r.lhr.audits["layout-shifts"]?.details?.items ?? [];
          if (items.length)
            console.log(
              `${row.page}, run ${i + 1}: layout shifts: ${items
                .map(
                  (it) =>
                    `${it.node?.selector ?? "?"} (${Math.round((it.score ?? 0) * 1e4) / 1e4})`,
                )
                .join(", ")}`,
            );
        }
      }
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
        .map((a) => a.id);
      if (failing.length) row.failing = failing.join(" ");
      // What moved, when something did.
      const shifts = lhr.audits["layout-shifts"]?.details?.items ?? [];
      if (shifts.length)
        row.shifted = shifts
          .map((i) => `${i.node?.selector ?? "?"} (${Math.round((i.score ?? 0) * 1000) / 1000})`)
          .join(", ");
    }
  }
  return {
    async after() {
      table("Lighthouse (the median of each page's runs)", rows, [
        "page",
        "runs",
        "performance",
        "accessibility",
        "bestPractices",
        "cls",
        "tbtMs",
        "lcpMs",
      ]);
      for (const r of rows) if (r.failing) console.log(`${r.page}: failing audits: ${r.failing}`);
      for (const r of rows) if (r.shifted) console.log(`${r.page}: layout shifts: ${r.shifted}`);
      return { figures, checks };
    },
  };
}

// Lighthouse (Debian's Chromium, CHROME_PATH or /usr/bin/chromium) on the sign-in, reading and
// recap pages, signed in where needed, with the desktop and the mobile presets. Budgets: desktop
// performance ≥ 95, mobile performance ≥ 90, accessibility 100, best practices 100, and no layout
// shift (CLS 0) on the reading page, where the summary form replaces its placeholder. Each page is
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
  const pages = [
    { name: "signIn", path: "/en/sign-in", cookie: null },
    { name: "reading", path: "/en/groups/bench/meetings/1", cookie: reader.cookie },
    { name: "recap", path: "/en/groups/bench/meetings/2/recap", cookie: reader.cookie },
  ];
  const rows = [];
  const checks = [];
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
      if (page.name === "reading") {
        // Every run, not only the median: a shift that shows once in three is a shift.
        const worst = Math.max(
          ...results.map((r) => r.lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0),
        );
        checks.push([`${row.page} layout shift ${worst} = 0 in every run`, worst === 0]);
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

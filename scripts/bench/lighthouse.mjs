// Lighthouse (Debian's Chromium, CHROME_PATH or /usr/bin/chromium) on the sign-in, reading and
// recap pages, signed in where needed, with the desktop and the mobile presets. Budgets: desktop
// performance ≥ 95, mobile performance ≥ 90, accessibility 100, best practices 100, and no layout
// shift (CLS 0) on the reading page, where the summary form replaces its placeholder.
import { existsSync } from "node:fs";
import { log } from "./app.mjs";
import { table } from "./load.mjs";

const CATEGORIES = ["performance", "accessibility", "best-practices"];

export async function lighthouse(app) {
  const { default: run } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath} (set CHROME_PATH)`);

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
      log(`lighthouse: ${page.name} (${preset})…`);
      const chrome = await chromeLauncher.launch({
        chromePath,
        chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
      });
      try {
        const result = await run(
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
        const lhr = result.lhr;
        const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
        const cls = lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0;
        const row = {
          page: `${page.name} (${preset})`,
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          cls: Math.round(cls * 1000) / 1000,
          tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
          lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
        };
        rows.push(row);
        figures[`${page.name}@${preset}`] = row;
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
        if (page.name === "reading")
          checks.push([`${row.page} layout shift ${row.cls} = 0`, row.cls === 0]);
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
      } finally {
        await chrome.kill();
      }
    }
  }
  return {
    async after() {
      table("Lighthouse", rows, [
        "page",
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

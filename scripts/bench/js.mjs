// First-load JavaScript: every script a page loads before it is interactive (its <script src>
// tags and the scripts it preloads), gzipped, for the sign-in, group, reading and recap pages,
// next to a page that ships only the framework (the 404 page). Budget: each page ≤ that page +
// 50 KB. A page over budget lists its own biggest chunks and what they appear to hold.
import { gzipSync } from "node:zlib";
import { log } from "./app.mjs";
import { table } from "./load.mjs";

const BUDGET_KB = 50;

// Strings that survive minification, to tell what a chunk holds.
const SIGNATURES = [
  ["zod", /ZodError|\$ZodType|_zod\b/],
  ["markdown (micromark/remark)", /micromark|mdast|hast-util|remark/],
  ["next-intl", /MISSING_MESSAGE|INSUFFICIENT_PATH|IntlError/],
  ["react-dom", /__reactContainer|react-dom|__reactFiber/],
  ["next runtime", /__next_f|next-router|NEXT_REDIRECT/],
  ["service worker client (serwist)", /serwist/i],
  ["QR code", /qrcode|QR Code/i],
  ["dompurify / sanitising", /DOMPurify|sanitize/],
  ["message catalog", /"skipToContent"|skipToContent:/],
];

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/**
 * The scripts a page's HTML has the browser run, and those it preloads for its first render (a
 * chunk split off with next/dynamic, such as the locale's message catalog), each once. Not the
 * `noModule` polyfills: a browser that runs modules (every one the app supports) skips them.
 */
export function firstLoadScripts(html) {
  const srcs = [
    ...[...html.matchAll(/<script(?![^>]*\snoModule)[^>]*\ssrc="([^"]+)"/gi)].map((m) => m[1]),
    ...[
      ...html.matchAll(/<link(?=[^>]*\srel="preload")(?=[^>]*\sas="script")[^>]*\shref="([^"]+)"/g),
    ].map((m) => m[1]),
  ];
  return [...new Set(srcs)];
}

export async function js(app) {
  const cache = new Map();
  async function scriptSize(src) {
    if (!cache.has(src)) {
      const res = await fetch(new URL(src, app.base));
      const text = await res.text();
      const labels = SIGNATURES.filter(([, re]) => re.test(text)).map(([l]) => l);
      cache.set(src, { gz: gzipSync(text).length, raw: Buffer.byteLength(text), labels });
    }
    return cache.get(src);
  }
  async function firstLoad(path, cookie) {
    const res = await fetch(new URL(path, app.base), { headers: cookie ? { cookie } : {} });
    const html = await res.text();
    const unique = firstLoadScripts(html);
    const sizes = await Promise.all(
      unique.map(async (s) => ({ src: s, ...(await scriptSize(s)) })),
    );
    return { status: res.status, scripts: sizes, gz: sizes.reduce((n, s) => n + s.gz, 0) };
  }

  log("js: reading first-load scripts…");
  const reader = app.readers[0];
  const pages = {
    empty: await firstLoad("/en/this-page-does-not-exist"),
    signIn: await firstLoad("/en/sign-in"),
    group: await firstLoad("/en/groups/bench", reader.cookie),
    reading: await firstLoad("/en/groups/bench/meetings/1", reader.cookie),
    // The Japanese catalog is the larger: the reading page in Japanese holds the budget too.
    readingJa: await firstLoad("/ja/groups/bench/meetings/1", reader.cookie),
    recap: await firstLoad("/en/groups/bench/meetings/2/recap", reader.cookie),
  };
  const emptySet = new Set(pages.empty.scripts.map((s) => s.src));
  const figures = { emptyKb: kb(pages.empty.gz) };
  const checks = [];
  const rows = [];
  const details = [];
  for (const [name, p] of Object.entries(pages)) {
    const extra = kb(p.gz - pages.empty.gz);
    rows.push({
      page: name,
      status: p.status,
      scripts: p.scripts.length,
      gzipKb: kb(p.gz),
      overEmptyKb: extra,
    });
    if (name === "empty") continue;
    figures[name] = { gzipKb: kb(p.gz), overKb: extra };
    const ok = extra <= BUDGET_KB;
    checks.push([`${name} first load ${extra} KB over the empty page ≤ ${BUDGET_KB} KB`, ok]);
    if (!ok) {
      const own = p.scripts.filter((s) => !emptySet.has(s.src)).sort((a, b) => b.gz - a.gz);
      details.push(`\n${name}: its own chunks, biggest first`);
      for (const s of own.slice(0, 8))
        details.push(`  ${kb(s.gz)} KB  ${s.src}  ${s.labels.join(", ") || "app code"}`);
    }
  }
  return {
    async after() {
      table("First-load JavaScript (gzip)", rows, [
        "page",
        "status",
        "scripts",
        "gzipKb",
        "overEmptyKb",
      ]);
      for (const line of details) console.log(line);
      return { figures, checks };
    },
  };
}

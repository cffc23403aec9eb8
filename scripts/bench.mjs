// `npm run bench [-- <part>…] [--no-build] [--seconds N]`: builds the app and starts it in
// production mode on a fresh SQLite database with a world of 50 signed-in readers, then measures
// each part against a baseline taken in the same run (these machines are noisy):
//   autosave  the summary save endpoint vs a bare one-row write, at 10 and 50 writers; saves lost
//   pages     reading, group and recap pages vs a bare one-row page, at 10 and 50 users
//   js        first-load JavaScript (gzip) of sign-in, group, reading and recap vs the 404 page
//   lighthouse  sign-in, reading and recap pages, desktop and mobile presets (Debian's Chromium)
//   live      50 readers saving every ~2 s: save acknowledged → board shows it, on the SQLite
//             instance and on two instances sharing a PostgreSQL database; 500 idle watchers
//   capacity  meetings of ten readers saving, boards open, in growing steps: how many one SQLite
//             instance and two PostgreSQL instances hold with saves and boards within 1 s (p95)
//   search    the archive page searching 10,000 readings (Japanese of two characters and more,
//             English), on SQLite and on PostgreSQL
// All parts by default. Prints a table per part, PASS/FAIL per budget and, last, one JSON line
// with every figure (its keys are listed in the README); exits 1 when a budget is missed.
import { log, startApp } from "./bench/app.mjs";
import { autosave } from "./bench/autosave.mjs";
import { pages } from "./bench/pages.mjs";
import { js } from "./bench/js.mjs";
import { live } from "./bench/live.mjs";
import { lighthouse } from "./bench/lighthouse.mjs";
import { capacity } from "./bench/capacity.mjs";
import { search } from "./bench/search.mjs";
import { runParts } from "./bench/run.mjs";

const PARTS = { autosave, pages, js, lighthouse, live, capacity, search };
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf("--seconds") + 1]) || 10;
const named = args.filter((a) => !a.startsWith("--") && a in PARTS);
const unknown = args.filter(
  (a, i) => !a.startsWith("--") && !(a in PARTS) && args[i - 1] !== "--seconds",
);
if (unknown.length) {
  console.error(`Unknown part: ${unknown.join(", ")}. Parts: ${Object.keys(PARTS).join(", ")}.`);
  process.exit(2);
}
const chosen = named.length ? named : Object.keys(PARTS);

const app = await startApp({ build: !args.includes("--no-build"), readerCount: 50 });
const { out, checks } = await runParts(
  app,
  chosen.map((name) => [name, PARTS[name]]),
  { seconds, warmup: 3 },
);
console.log("");
for (const [text, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}  ${text}`);
log("");
console.log(JSON.stringify(out));
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;

// `npm run bench`: builds and starts the app in production mode on a fresh SQLite database, then
// measures in one run (a) the summary autosave endpoint from signed-in readers, each writing its
// own reading, and (b) a bare route handler writing one row to the same database, at 10 and 50
// concurrent writers; then counts acknowledged saves missing from the database. Prints a table
// and, last, one JSON line. Options: --no-build, --seconds N (default 10).
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { Pool } from "undici";
import Database from "better-sqlite3";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const SECONDS = Number(args[args.indexOf("--seconds") + 1]) || 10;
const WARMUP_SECONDS = 3;
const WRITERS = [10, 50];
const PORT = 3400 + Math.floor(Math.random() * 500);
const BASE = `http://127.0.0.1:${PORT}`;
const dbFile = join(tmpdir(), `yomikai-bench-${randomBytes(4).toString("hex")}.db`);
const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: `file:${dbFile}`,
  AUTH_SECRET: randomBytes(33).toString("base64"),
  AUTH_URL: BASE,
  // The baseline route answers only this run's token.
  BENCH_TOKEN: randomBytes(24).toString("base64url"),
  NEXT_TELEMETRY_DISABLED: "1",
  // Each bench writer saves as fast as it is answered: far above a person's pace, so the
  // per-user limit is raised (its check still runs on every save).
  AUTOSAVE_BURST: "1000000",
  AUTOSAVE_PER_SECOND: "1000000",
};
const log = (...a) => console.error(...a);

function run(cmd, argv, extra = {}) {
  return execFileSync(cmd, argv, {
    cwd: root,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    ...extra,
  });
}

if (!args.includes("--no-build")) {
  log("Building…");
  run(join(root, "node_modules/.bin/next"), ["build"], { stdio: "ignore" });
}
log("Preparing the database…");
run(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "scripts/db.mjs", "deploy"]);
const readers = JSON.parse(
  run(join(root, "node_modules/.bin/tsx"), [
    "scripts/bench-setup.ts",
    String(Math.max(...WRITERS)),
  ]),
);

log("Starting the server…");
const server = spawn(
  join(root, "node_modules/.bin/next"),
  ["start", "-p", String(PORT), "-H", "127.0.0.1"],
  {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", process.env.BENCH_SERVER_LOG ? "inherit" : "ignore"],
  },
);
function cleanup() {
  server.kill("SIGTERM");
  for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile + s, { force: true });
}
process.on("exit", cleanup);
for (const deadline = Date.now() + 60_000; ;) {
  try {
    if ((await fetch(`${BASE}/api/health`)).ok) break;
  } catch {
    // not up yet
  }
  if (Date.now() > deadline) throw new Error("the server did not start");
  await new Promise((r) => setTimeout(r, 200));
}

log(`Signing in ${readers.length} readers…`);
for (const r of readers) {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ email: r.email, password: r.password, csrfToken }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${r.email}`);
  r.cookie = session.split(";")[0];
  r.version = 0;
  r.text = "";
  r.acked = 0;
  r.lastAcked = null;
}

const filler =
  " Key idea: a light decoder over heavy image embeddings, prompted by points or boxes.".repeat(3);
let seq = 0;

const endpoints = {
  async autosave(pool, r) {
    const value = `- note ${++seq}\n${filler}`;
    const { statusCode, body } = await pool.request({
      path: `/api/readings/${r.readingId}/summary`,
      method: "PUT",
      headers: { "content-type": "application/json", cookie: r.cookie },
      body: JSON.stringify({
        saveId: `bench-${seq}`,
        baseVersion: r.version,
        changes: { whatIsIt: { base: r.text, value } },
      }),
    });
    const json = await body.json().catch(() => null);
    if (statusCode !== 200) return false;
    r.version = json.version;
    r.text = value;
    r.acked++;
    r.lastAcked = value;
    return true;
  },
  async baseline(pool, r) {
    const { statusCode, body } = await pool.request({
      path: "/api/bench/baseline",
      method: "PUT",
      headers: { "content-type": "application/json", "x-bench-token": env.BENCH_TOKEN },
      body: JSON.stringify({ readingId: r.readingId, text: `baseline ${++seq}` }),
    });
    await body.dump();
    return statusCode === 200;
  },
};

async function measure(kind, writers, seconds) {
  const pool = new Pool(BASE, { connections: writers, pipelining: 1 });
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    readers.slice(0, writers).map(async (r) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await endpoints[kind](pool, r);
        } catch {
          ok = false;
        }
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    errors,
    rps: Math.round((latencies.length - errors) / elapsed),
    p50Ms: Math.round(pct(50) * 10) / 10,
    p99Ms: Math.round(pct(99) * 10) / 10,
  };
}

log("Warming up…");
await measure("baseline", 10, WARMUP_SECONDS);
await measure("autosave", 10, WARMUP_SECONDS);

const results = {};
for (const writers of WRITERS) {
  for (const kind of ["baseline", "autosave"]) {
    log(`Measuring ${kind} at ${writers} writers for ${SECONDS} s…`);
    results[`${kind}@${writers}`] = await measure(kind, writers, SECONDS);
  }
}

// Every acknowledged save must be in the database: the version counts them, the text is the last.
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
const sqlite = new Database(dbFile, { readonly: true });
let acknowledged = 0;
let lost = 0;
for (const r of readers) {
  const row = sqlite
    .prepare('SELECT version, "whatIsIt" FROM "Reading" WHERE id = ?')
    .get(r.readingId);
  acknowledged += r.acked;
  lost += Math.max(0, r.acked - row.version);
  if (r.acked > 0 && row.whatIsIt !== r.lastAcked) lost += 1;
}
sqlite.close();

const rows = Object.entries(results).map(([name, x]) => ({ endpoint: name, ...x }));
console.log("\n| endpoint @ writers | requests | errors | req/s | p50 ms | p99 ms |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.endpoint} | ${r.requests} | ${r.errors} | ${r.rps} | ${r.p50Ms} | ${r.p99Ms} |`,
  );
const a = results["autosave@50"];
const b = results["baseline@50"];
const ratio = Math.round((a.rps / b.rps) * 100) / 100;
const checks = [
  [`ratio ${ratio} ≥ 0.5`, ratio >= 0.5],
  [`autosave p99 ${a.p99Ms} ms ≤ 2 × baseline p99 ${b.p99Ms} ms`, a.p99Ms <= 2 * b.p99Ms],
  [`lost ${lost} = 0 of ${acknowledged} acknowledged`, lost === 0],
];
console.log("");
for (const [text, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}  ${text}`);
console.log(
  JSON.stringify({
    autosave: { rps: a.rps, p99Ms: a.p99Ms },
    baseline: { rps: b.rps, p99Ms: b.p99Ms },
    ratio,
    acknowledged,
    lost,
  }),
);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;

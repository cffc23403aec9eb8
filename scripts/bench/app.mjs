// The app under measurement: built (unless --no-build), started in production mode on a fresh
// SQLite database with the benchmark's world (scripts/bench-setup.ts), its readers signed in.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const log = (...a) => console.error(...a);

export async function startApp({ build, readerCount, profileDir = null }) {
  const port = 3400 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const dbFile = join(tmpdir(), `yomikai-bench-${randomBytes(4).toString("hex")}.db`);
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${dbFile}`,
    AUTH_SECRET: randomBytes(33).toString("base64"),
    AUTH_URL: base,
    // The baselines answer only this run's token.
    BENCH_TOKEN: randomBytes(24).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
    // Each bench writer saves as fast as it is answered: far above a person's pace, so the
    // per-user limit is raised (its check still runs on every save).
    AUTOSAVE_BURST: "1000000",
    AUTOSAVE_PER_SECOND: "1000000",
  };
  const run = (cmd, argv, extra = {}) =>
    execFileSync(cmd, argv, {
      cwd: root,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      ...extra,
    });

  if (build) {
    log("Building…");
    run(join(root, "node_modules/.bin/next"), ["build"], { stdio: "ignore" });
  }
  log("Preparing the database…");
  run(process.execPath, [
    "--experimental-wasm-modules",
    "--no-warnings",
    "scripts/db.mjs",
    "deploy",
  ]);
  const world = JSON.parse(
    run(join(root, "node_modules/.bin/tsx"), ["scripts/bench-setup.ts", String(readerCount)]),
  );

  log("Starting the server…");
  // With a profile directory the server writes a V8 CPU profile there when it stops.
  const server = spawn(
    process.execPath,
    [
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: root,
      env,
      stdio: ["ignore", "ignore", process.env.BENCH_SERVER_LOG ? "inherit" : "ignore"],
    },
  );
  const removeDatabase = () => {
    for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile + s, { force: true });
  };
  process.on("exit", () => {
    server.kill("SIGTERM");
    removeDatabase();
  });
  for (const deadline = Date.now() + 60_000; ;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }

  log(`Signing in ${world.readers.length} readers…`);
  for (const r of world.readers) r.cookie = await signIn(base, r.email, r.password);
  const owner = {
    ...world.owner,
    cookie: await signIn(base, world.owner.email, world.owner.password),
  };

  return {
    base,
    env,
    dbFile,
    readers: world.readers,
    recapReadingId: world.recapReadingId,
    meetingId: world.meetingId,
    owner,
    pid: server.pid,
    async stop() {
      if (server.exitCode !== null) return;
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}

async function signIn(base, email, password) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email}`);
  return session.split(";")[0];
}

// The app under measurement: built (unless --no-build), started in production mode on a fresh
// database with the benchmark's world (scripts/bench-setup.ts), its readers signed in. The
// database is a new SQLite file, or with `postgresUrl` a new database on that PostgreSQL server
// (dropped when the bench ends); `instances` servers share it, as app instances behind a balancer.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import pg from "pg";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const log = (...a) => console.error(...a);

export async function startApp({
  build,
  readerCount,
  profileDir = null,
  postgresUrl = null,
  instances = 1,
}) {
  // Ports the system says are free now, not a random pick that may meet one in use.
  const ports = await freePorts(instances);
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  const base = bases[0];
  const name = `yomikai_bench_${randomBytes(4).toString("hex")}`;
  const dbFile = join(tmpdir(), `${name}.db`);
  let databaseUrl = `file:${dbFile}`;
  let dropDatabase = () => {};
  if (postgresUrl) {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () =>
      execFileSync(
        process.execPath,
        [
          "-e",
          `const pg=require("pg");const c=new pg.Client({connectionString:process.argv[1]});` +
            `c.connect().then(()=>c.query("DROP DATABASE IF EXISTS ${name} WITH (FORCE)")).then(()=>c.end())`,
          postgresUrl,
        ],
        { cwd: root, stdio: "ignore" },
      );
  }
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
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

  log(instances > 1 ? `Starting ${instances} servers…` : "Starting the server…");
  // With a profile directory the server writes a V8 CPU profile there when it stops.
  const servers = bases.map((b) =>
    spawn(
      process.execPath,
      [
        ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
        join(root, "node_modules/next/dist/bin/next"),
        "start",
        "-p",
        new URL(b).port,
        "-H",
        "127.0.0.1",
      ],
      {
        cwd: root,
        env: { ...env, AUTH_URL: b },
        stdio: ["ignore", "pipe", "pipe"],
      },
    ),
  );
  const printed = servers.map((server) => keepOutput(server, !!process.env.BENCH_SERVER_LOG));
  const removeDatabase = () => {
    for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile + s, { force: true });
    dropDatabase();
    dropDatabase = () => {};
  };
  process.on("exit", () => {
    for (const server of servers) server.kill("SIGKILL");
    removeDatabase();
  });
  for (const [i, b] of bases.entries()) await waitUntilUp(b, servers[i], printed[i]);

  log(`Signing in ${world.readers.length} readers…`);
  for (const r of world.readers) r.cookie = await signIn(base, r.email, r.password);
  const owner = {
    ...world.owner,
    cookie: await signIn(base, world.owner.email, world.owner.password),
  };

  return {
    base,
    bases,
    env,
    dbFile,
    provider: postgresUrl ? "PostgreSQL" : "SQLite",
    readers: world.readers,
    recapReadingId: world.recapReadingId,
    meetingId: world.meetingId,
    owner,
    pid: servers[0].pid,
    pids: servers.map((server) => server.pid),
    async stop() {
      await Promise.all(
        servers
          .filter((server) => server.exitCode === null)
          .map((server) => {
            server.kill("SIGTERM");
            return new Promise((r) => server.once("exit", r));
          }),
      );
    },
    /** After every part has counted what it needs in the database (see run.mjs). */
    removeDatabase,
  };
}

/**
 * Keeps the last few KB a child printed (both streams), for an error that says why it stopped;
 * with `echo`, passes it on to this process's stderr as well.
 */
export function keepOutput(child, echo = false) {
  const printed = { text: "" };
  const keep = (chunk) => {
    printed.text = (printed.text + chunk).slice(-4000);
    if (echo) process.stderr.write(chunk);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  return printed;
}

/** `count` distinct ports nothing listens on, as the system hands them out. */
export async function freePorts(count) {
  const held = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      held.push(server);
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", resolve);
      });
    }
    return held.map((server) => server.address().port);
  } finally {
    await Promise.all(held.map((server) => new Promise((r) => server.close(r))));
  }
}

/**
 * Waits for the server's health route to answer 200. A server that exits first, or never answers
 * within two minutes (a busy machine starts slowly), fails with what it printed and last answered.
 */
export async function waitUntilUp(base, server, printed, timeoutMs = 120_000) {
  let last = "no answer";
  for (const deadline = Date.now() + timeoutMs; ;) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(
        `the server at ${base} stopped before it answered ` +
          `(${server.signalCode ?? `exit code ${server.exitCode}`}):\n${printed.text.trim()}`,
      );
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (res.ok) return;
      last = `${res.status} ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      last = error.cause?.code ?? error.name ?? String(error);
    }
    if (Date.now() > deadline)
      throw new Error(
        `the server at ${base} did not answer in ${timeoutMs / 1000} s (last: ${last}):\n` +
          printed.text.trim(),
      );
    await new Promise((r) => setTimeout(r, 200));
  }
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

/** Where the PostgreSQL parts make their databases (each run its own, dropped afterwards). */
export const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * Starts the app on a new PostgreSQL database, runs `measure` on it, then stops it and drops the
 * database. Returns { result } or, when PostgreSQL cannot be reached or the run fails, { error }.
 */
export async function onPostgres({ readerCount, instances }, measure) {
  try {
    const pgApp = await startApp({
      build: false,
      readerCount,
      postgresUrl: POSTGRES_URL,
      instances,
    });
    try {
      return { result: await measure(pgApp), error: null };
    } finally {
      await pgApp.stop();
      pgApp.removeDatabase();
    }
  } catch (error) {
    return { result: null, error: error instanceof Error ? error.message : String(error) };
  }
}

// Capacity: how many meetings of ten readers, each reader saving every two seconds (give or take)
// and each meeting's board open, one instance carries on SQLite, and two instances sharing a
// PostgreSQL database. A step holds when a save reaches its board within a second (p95), the save
// itself is answered within a second (p95), none is refused, and the saves kept their pace: with
// every reader in, at least 0.85 × the offered rate was answered (a server, or the load generator
// beside it, that falls behind would otherwise hold a step by answering half of what it was
// offered). The load grows in steps (10, 20, 40, 80 meetings) until one does not hold; the last
// that held is the figure, with the servers' CPU use per step. Readers are signed in by minting
// their session cookies with the run's secret (a password check per reader would only measure
// argon2). The load generator shares the machine's cores with the servers.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import { log, onPostgres, root } from "./app.mjs";
import { openBoard, processStats } from "./live.mjs";
import { table } from "./load.mjs";

const STEPS = [10, 20, 40, 80];
const PER_MEETING = 10;
const SAVE_EVERY_MS = 2000;
const P95_BUDGET_MS = 1000;
const MIN_PACE = 0.85;
const COOKIE = "authjs.session-token";

/** The machine's busy and total CPU time so far (all cores), from /proc/stat. */
function machineTicks() {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = n[3] + n[4];
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Adds the capacity world to the app's database and signs its readers in. */
async function capacityWorld(app, meetings) {
  const world = JSON.parse(
    execFileSync(
      join(root, "node_modules/.bin/tsx"),
      ["scripts/bench-capacity-setup.ts", String(meetings), String(PER_MEETING)],
      { cwd: root, env: app.env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    ),
  );
  for (const meeting of world.meetings)
    for (const reader of meeting.readers) {
      const token = await encode({
        token: { sub: reader.userId, sv: 0 },
        secret: app.env.AUTH_SECRET,
        salt: COOKIE,
      });
      reader.cookie = `${COOKIE}=${token}`;
    }
  return world.meetings;
}

/** One step: `meetings` boards open, their readers saving, for `seconds`. */
async function step(app, meetings, seconds) {
  const latencies = [];
  const saveTimes = [];
  let errors = 0;
  const waiting = new Map(); // readingId → { expected, ackAt }
  const shown = new Map(); // readingId → { answered, at }
  const closers = [];
  for (const [m, meeting] of meetings.entries()) {
    const base = app.bases[m % app.bases.length];
    closers.push(
      await openBoard(
        app,
        meeting.readers[0].cookie,
        (board, at) => {
          for (const row of board.rows) {
            shown.set(row.readingId, { answered: row.answered, at });
            const w = waiting.get(row.readingId);
            if (w && row.answered === w.expected) {
              waiting.delete(row.readingId);
              latencies.push(Math.max(0, at - w.ackAt));
            }
          }
        },
        base,
        meeting.meetingId,
      ),
    );
  }
  const readers = meetings.flatMap((meeting, m) =>
    meeting.readers.map((r, i) => ({ ...r, base: app.bases[(m + i) % app.bases.length] })),
  );
  // Readers come in over the first two seconds, each reading its summary first; the step's
  // `seconds` are counted from when the last one is in, and its pace is measured over them.
  let steadyFrom = Infinity;
  let deadline = Infinity;
  let ready = 0;
  let steadySaves = 0;
  const cpuBefore = app.pids.map((pid) => processStats(pid).ticks);
  const machineBefore = machineTicks();
  const started = performance.now();
  await Promise.all(
    readers.map(async (r, i) => {
      await new Promise((res) => setTimeout(res, (i / readers.length) * SAVE_EVERY_MS));
      const state = await fetch(`${r.base}/api/readings/${r.readingId}/summary`, {
        headers: { cookie: r.cookie },
      }).then((res) => res.json());
      if (++ready === readers.length) {
        steadyFrom = performance.now();
        deadline = steadyFrom + seconds * 1000;
      }
      let version = state.version;
      let text = state.summary.discussion;
      while (performance.now() < deadline) {
        const after = text ? "" : `- capacity note ${i}`;
        const sentAt = performance.now();
        const res = await fetch(`${r.base}/api/readings/${r.readingId}/summary`, {
          method: "PUT",
          headers: { "content-type": "application/json", cookie: r.cookie },
          body: JSON.stringify({
            // Unique like a browser's: an id seen before (an earlier step's) is answered as a
            // retry and applies nothing.
            saveId: `capacity-${randomUUID()}`,
            baseVersion: version,
            changes: { discussion: { base: text, value: after } },
          }),
        }).catch(() => null);
        const ackAt = performance.now();
        if (ackAt >= steadyFrom && ackAt <= deadline) steadySaves++;
        saveTimes.push(ackAt - sentAt);
        const json = res?.status === 200 ? await res.json().catch(() => null) : null;
        // A save answered without this text is not one the board can show: an error.
        if (json?.summary?.discussion !== after) errors++;
        else {
          version = json.version;
          text = after;
          const expected = text ? 1 : 0;
          const now = shown.get(r.readingId);
          // Shown while the answer was on its way back: no wait after the acknowledgement.
          if (now && now.answered === expected && now.at >= sentAt) latencies.push(0);
          else waiting.set(r.readingId, { expected, ackAt });
        }
        await new Promise((res) => setTimeout(res, SAVE_EVERY_MS * (0.75 + Math.random() * 0.5)));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = app.pids.map((pid) => processStats(pid).ticks);
  const machineAfter = machineTicks();
  await new Promise((res) => setTimeout(res, 1500));
  // A save whose board never came counts as slower than any budget.
  for (let i = 0; i < waiting.size; i++) latencies.push(Infinity);
  for (const close of closers) close();
  const pct = (list, p) => {
    list.sort((a, b) => a - b);
    const x = list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0;
    return Number.isFinite(x) ? Math.round(x) : null;
  };
  return {
    meetings: meetings.length,
    readers: readers.length,
    offeredPerSecond: Math.round((readers.length * 1000) / SAVE_EVERY_MS),
    // Answered per second with every reader in (errors are counted, and fail the step, apart).
    savesPerSecond: Math.round(steadySaves / seconds),
    rampInSeconds: Math.round((steadyFrom - started) / 100) / 10,
    errors,
    saveP95Ms: pct(saveTimes, 95),
    p50Ms: pct(latencies, 50),
    p95Ms: pct(latencies, 95),
    unseen: waiting.size,
    // Each server's CPU use over the step, in per cent of one core.
    serverCpu: cpuAfter
      .map((t, k) => `${Math.round(((t - cpuBefore[k]) / 100 / elapsed) * 100)}%`)
      .join(" "),
    // The whole machine (servers, database, load generator), in per cent of all its cores.
    machineCpu: `${Math.round(((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100)}%`,
  };
}

/** Steps up the load on `app` until a step misses the budget; the rows of every step run. */
async function ramp(app, label, seconds) {
  const meetings = await capacityWorld(app, STEPS.at(-1));
  const rows = [];
  for (const count of STEPS) {
    log(`capacity: ${label}, ${count} meetings of ${PER_MEETING} readers for ${seconds} s…`);
    const row = { where: label, ...(await step(app, meetings.slice(0, count), seconds)) };
    rows.push(row);
    if (!withinBudget(row)) break;
  }
  return rows;
}

export function withinBudget(row) {
  return (
    row.savesPerSecond >= MIN_PACE * row.offeredPerSecond &&
    row.p95Ms !== null &&
    row.p95Ms < P95_BUDGET_MS &&
    row.saveP95Ms !== null &&
    row.saveP95Ms < P95_BUDGET_MS &&
    row.errors === 0
  );
}

/** The largest step within the budget, as { meetings, readers, p95Ms } (null when none). */
export function held(rows) {
  const ok = rows.filter(withinBudget).at(-1);
  return ok ? { meetings: ok.meetings, readers: ok.readers, p95Ms: ok.p95Ms } : null;
}

export async function capacity(app, { seconds }) {
  const stepSeconds = Math.max(seconds, 5);
  const sqlite = await ramp(app, `1 × ${app.provider}`, stepSeconds);
  const pg = await onPostgres({ readerCount: 1, instances: 2 }, (pgApp) =>
    ramp(pgApp, "2 × PostgreSQL", stepSeconds),
  );
  const postgres = pg.result ?? [];
  const postgresError = pg.error;
  return {
    async after() {
      table(
        "Capacity: meetings of ten readers saving every ~2 s, each board open",
        [...sqlite, ...postgres],
        [
          "where",
          "meetings",
          "readers",
          "offeredPerSecond",
          "savesPerSecond",
          "rampInSeconds",
          "errors",
          "saveP95Ms",
          "p50Ms",
          "p95Ms",
          "unseen",
          "serverCpu",
          "machineCpu",
        ],
      );
      const figures = {
        sqlite: held(sqlite),
        postgres: held(postgres),
        steps: [...sqlite, ...postgres],
      };
      // A figure, not a budget: reported so the README's capacity section can quote it.
      const checks = [
        [
          `1 × SQLite holds ${figures.sqlite?.meetings ?? 0} meetings (${figures.sqlite?.readers ?? 0} readers) within p95 ${P95_BUDGET_MS} ms at pace`,
          figures.sqlite !== null,
        ],
        postgresError
          ? [`two instances on PostgreSQL: ${postgresError}`, false]
          : [
              `2 × PostgreSQL holds ${figures.postgres?.meetings ?? 0} meetings (${figures.postgres?.readers ?? 0} readers) within p95 ${P95_BUDGET_MS} ms at pace`,
              figures.postgres !== null,
            ],
      ];
      return { figures, checks };
    },
  };
}

// Live events: 50 readers each saving every two seconds (give or take) while a facilitator's board
// is open: the time from a save's acknowledgement to the board showing it (p50/p95/max), and
// whether the board's last state equals the database (no event lost). Each save fills or empties
// one answer, so every save changes what the board shows (its count of answers). Measured on the
// bench's one SQLite instance, then on two instances sharing a PostgreSQL database (readers split
// between them, the board on the first, so half the saves reach it through the database's
// notifications). Then 500 idle watchers on one instance: memory per connection and CPU while idle.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { log, onPostgres, POSTGRES_URL } from "./app.mjs";
import { table } from "./load.mjs";

// The PostgreSQL server for the two-instance run; the bench makes its own database there.

const SAVE_EVERY_MS = 2000;
const IDLE_WATCHERS = 500;
const P95_BUDGET_MS = 1000;

/** Opens a meeting's event stream as `cookie`; calls onBoard with each board and its arrival. */
export async function openBoard(app, cookie, onBoard, base = app.base, meetingId = app.meetingId) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/meetings/${meetingId}/events`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (res.status !== 200) throw new Error(`event stream answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const chunk = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!chunk.startsWith("event: board")) continue;
          const data = chunk.slice(chunk.indexOf("data: ") + 6);
          onBoard?.(JSON.parse(data), performance.now());
        }
      }
    } catch {
      // aborted
    }
  })();
  return () => controller.abort();
}

export function processStats(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime, in clock ticks (fields 14 and 15; 12 and 13 after the command name).
  const ticks = Number(stat[11]) + Number(stat[12]);
  return { rssKb, ticks };
}

/** Readers save for `seconds`, each at instance i mod n; the board is on the first. */
async function savesToBoard(app, seconds) {
  const readers = app.readers;
  const baseOf = (i) => app.bases[i % app.bases.length];
  // What the board shows of each reading (answers filled in), and when it last changed.
  const shown = new Map();
  let boards = 0;
  const waiting = new Map(); // readingId → { expected, ackAt, resolve }
  const latencies = [];
  const closeBoard = await openBoard(app, app.owner.cookie, (board, at) => {
    boards++;
    for (const row of board.rows) {
      shown.set(row.readingId, { answered: row.answered, at });
      const w = waiting.get(row.readingId);
      if (w && row.answered === w.expected) {
        waiting.delete(row.readingId);
        latencies.push(Math.max(0, at - w.ackAt));
      }
    }
  });

  // Each reader's saved state, read back first (other parts may have saved before).
  for (const [i, r] of readers.entries()) {
    const res = await fetch(`${baseOf(i)}/api/readings/${r.readingId}/summary`, {
      headers: { cookie: r.cookie },
    });
    const saved = await res.json();
    r.liveVersion = saved.version;
    r.liveSummary = saved.summary;
  }
  const answeredOf = (s) =>
    ["whatIsIt", "novelty", "keyTechnique", "validation", "discussion", "nextPapers"].filter(
      (k) => (s[k] ?? "").trim() !== "",
    ).length;

  log(
    `live: ${readers.length} readers on ${app.bases.length} ${app.provider} instance(s) saving every ~${SAVE_EVERY_MS / 1000} s for ${seconds * 2} s…`,
  );
  let saves = 0;
  let errors = 0;
  let unseen = 0;
  const deadline = performance.now() + seconds * 2000;
  await Promise.all(
    readers.map(async (r, i) => {
      // Spread the readers' first saves over the interval.
      await new Promise((res) => setTimeout(res, (i / readers.length) * SAVE_EVERY_MS));
      while (performance.now() < deadline) {
        const before = r.liveSummary.discussion ?? "";
        const after = before ? "" : `- live note from reader ${i}`;
        const res = await fetch(`${baseOf(i)}/api/readings/${r.readingId}/summary`, {
          method: "PUT",
          headers: { "content-type": "application/json", cookie: r.cookie },
          body: JSON.stringify({
            saveId: `live-${randomUUID()}`,
            baseVersion: r.liveVersion,
            changes: { discussion: { base: before, value: after } },
          }),
        });
        const ackAt = performance.now();
        const json = await res.json().catch(() => null);
        saves++;
        if (res.status !== 200 || json?.summary?.discussion !== after) {
          errors++;
        } else {
          r.liveVersion = json.version;
          r.liveSummary = { ...r.liveSummary, discussion: after };
          const expected = answeredOf(r.liveSummary);
          const now = shown.get(r.readingId);
          // The board may have shown it before this client read the acknowledgement.
          if (now && now.answered === expected && now.at >= ackAt - 1000) latencies.push(0);
          else {
            if (waiting.has(r.readingId)) unseen++;
            waiting.set(r.readingId, { expected, ackAt });
          }
        }
        await new Promise((res) => setTimeout(res, SAVE_EVERY_MS * (0.75 + Math.random() * 0.5)));
      }
    }),
  );
  // The last saves' boards: give them a moment, then compare the board with the database.
  await new Promise((res) => setTimeout(res, 1500));
  unseen += waiting.size;
  let mismatched = 0;
  for (const r of readers) {
    const res = await fetch(`${app.base}/api/readings/${r.readingId}/summary`, {
      headers: { cookie: r.cookie },
    });
    const saved = await res.json();
    if (shown.get(r.readingId)?.answered !== answeredOf(saved.summary)) mismatched++;
  }
  closeBoard();

  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    Math.round(
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0,
    );
  return {
    instances: app.bases.length,
    database: app.provider,
    readers: readers.length,
    saves: saves - errors,
    errors,
    boards,
    p50Ms: pct(50),
    p95Ms: pct(95),
    maxMs: Math.round(latencies.at(-1) ?? 0),
    unseen,
    mismatched,
  };
}

/** Idle watchers on one instance: memory per connection and CPU while nobody writes. */
async function idleWatchers(app) {
  const readers = app.readers;
  const before = processStats(app.pid);
  const closers = [];
  for (let i = 0; i < IDLE_WATCHERS; i++)
    closers.push(await openBoard(app, readers[i % readers.length].cookie, null));
  await new Promise((res) => setTimeout(res, 2000));
  const opened = processStats(app.pid);
  const idleSeconds = 10;
  await new Promise((res) => setTimeout(res, idleSeconds * 1000));
  const idle = processStats(app.pid);
  for (const close of closers) close();
  return {
    idleWatchers: IDLE_WATCHERS,
    kbPerWatcher: Math.round((opened.rssKb - before.rssKb) / IDLE_WATCHERS),
    idleCpuPercent: Math.round(((idle.ticks - opened.ticks) / 100 / idleSeconds) * 1000) / 10,
  };
}

function checksOf(run) {
  const where = `${run.instances} × ${run.database}`;
  return [
    [`${where}: save → board p95 ${run.p95Ms} ms < ${P95_BUDGET_MS} ms`, run.p95Ms < P95_BUDGET_MS],
    [
      `${where}: the board's last state equals the database (${run.mismatched} differ)`,
      run.mismatched === 0,
    ],
    [`${where}: every acknowledged save was shown (${run.unseen} not seen)`, run.unseen === 0],
    [`${where}: no save refused (${run.errors})`, run.errors === 0],
  ];
}

export async function live(app, { seconds }) {
  const sqlite = await savesToBoard(app, seconds);
  const idle = await idleWatchers(app);

  const { result: postgres, error: postgresError } = await onPostgres(
    { readerCount: app.readers.length, instances: 2 },
    (pgApp) => savesToBoard(pgApp, seconds),
  );

  const runs = postgres ? [sqlite, postgres] : [sqlite];
  return {
    async after() {
      table("Live events: save acknowledged → board shows it", runs, Object.keys(sqlite));
      table("Live events: idle watchers on one instance", [idle], Object.keys(idle));
      const checks = runs.flatMap(checksOf);
      if (!postgres)
        checks.push([
          `two instances on PostgreSQL (${POSTGRES_URL.replace(/\/\/[^@]*@/, "//")}): ${postgresError}`,
          false,
        ]);
      return { figures: { sqlite, postgres, idle }, checks };
    },
  };
}

// Closed-loop load: `clients` callers, each sending its next request as soon as the last one is
// answered, for `seconds`. Throughput counts answered requests without errors.
import { Pool } from "undici";

export async function measure(base, clients, seconds, request) {
  return summarize([await run(base, clients, seconds, request)]);
}

/**
 * Each target measured in `rounds` slices of `seconds / rounds`, the targets taking turns slice by
 * slice (a, b, c, a, b, c, …), each summed over its slices. On a machine whose speed drifts from one
 * minute to the next, a ratio of two targets then compares them under the same conditions rather
 * than under whatever each one's block of time met.
 */
export const ROUNDS = 4;

export async function measureRounds(base, clients, seconds, targets, rounds = ROUNDS) {
  const slices = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, request] of Object.entries(targets)) {
      slices[name].push(await run(base, clients, seconds / rounds, request));
    }
  }
  return Object.fromEntries(Object.entries(slices).map(([name, s]) => [name, summarize(s)]));
}

/**
 * `clients` loops of `request` for `seconds`. Each client's first request opens its connection and
 * is not counted: a slice measures the server's steady answers, not fifty connections opened at
 * once (taken in turns, a part opens them again in every slice, and at 50 clients their first
 * answers made up most of the slowest 1 %).
 */
async function run(base, clients, seconds, request) {
  const pool = new Pool(base, { connections: clients, pipelining: 1 });
  const latencies = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, (_, i) => Promise.resolve(request(pool, i)).catch(() => false)),
  );
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await request(pool, i);
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
  return { latencies, errors, elapsed };
}

/** One figure from one or more slices: requests over their summed time, percentiles over all. */
export function summarize(slices) {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const errors = slices.reduce((n, s) => n + s.errors, 0);
  const elapsed = slices.reduce((n, s) => n + s.elapsed, 0);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const round = (x) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    rps: elapsed > 0 ? Math.round((latencies.length - errors) / elapsed) : 0,
    p50Ms: round(pct(50)),
    p95Ms: round(pct(95)),
    p99Ms: round(pct(99)),
  };
}

export function table(title, rows, columns) {
  console.log(`\n${title}\n`);
  console.log(`| ${columns.join(" | ")} |`);
  console.log(`|${columns.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
  for (const r of rows) console.log(`| ${columns.map((c) => r[c]).join(" | ")} |`);
}

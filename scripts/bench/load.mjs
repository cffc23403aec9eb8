// Closed-loop load: `clients` callers, each sending its next request as soon as the last one is
// answered, for `seconds`. Throughput counts answered requests without errors.
import { Pool } from "undici";

export async function measure(base, clients, seconds, request) {
  const pool = new Pool(base, { connections: clients, pipelining: 1 });
  const latencies = [];
  let errors = 0;
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
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const round = (x) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    rps: Math.round((latencies.length - errors) / elapsed),
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

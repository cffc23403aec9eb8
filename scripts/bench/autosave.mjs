// Autosave: the summary endpoint from signed-in readers, each writing its own reading, next to a
// bare route handler writing one row to the same database, at 10 and 50 concurrent writers; then
// every acknowledged save is looked for in the database (after the server has stopped).
import Database from "better-sqlite3";
import { log } from "./app.mjs";
import { ROUNDS, measure, measureRounds, table } from "./load.mjs";

const WRITERS = [10, 50];
const filler =
  " Key idea: a light decoder over heavy image embeddings, prompted by points or boxes.".repeat(3);

export async function autosave(app, { seconds, warmup }) {
  let seq = 0;
  for (const r of app.readers)
    Object.assign(r, { version: 0, text: "", acked: 0, lastAcked: null });
  const endpoints = {
    async autosave(pool, i) {
      const r = app.readers[i];
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
    async baseline(pool, i) {
      const { statusCode, body } = await pool.request({
        path: "/api/bench/baseline",
        method: "PUT",
        headers: { "content-type": "application/json", "x-bench-token": app.env.BENCH_TOKEN },
        body: JSON.stringify({ readingId: app.readers[i].readingId, text: `baseline ${++seq}` }),
      });
      await body.dump();
      return statusCode === 200;
    },
  };

  log("autosave: warming up…");
  await measure(app.base, 10, warmup, endpoints.baseline);
  await measure(app.base, 10, warmup, endpoints.autosave);
  const results = {};
  for (const writers of WRITERS) {
    // The bare write and the save take turns in short slices, as the pages do (pages.mjs).
    log(
      `autosave: baseline, autosave at ${writers} writers, ${seconds} s each in ${ROUNDS} turns…`,
    );
    const measured = await measureRounds(app.base, writers, seconds, endpoints);
    for (const kind of ["baseline", "autosave"]) results[`${kind}@${writers}`] = measured[kind];
  }

  return {
    // Counted once the server has stopped, so nothing is still in flight.
    async after() {
      const { acknowledged, lost } = countSaves(app.dbFile, app.readers);
      table(
        "Autosave",
        Object.entries(results).map(([name, x]) => ({ "endpoint @ writers": name, ...x })),
        ["endpoint @ writers", "requests", "errors", "rps", "p50Ms", "p99Ms"],
      );
      const a = results["autosave@50"];
      const b = results["baseline@50"];
      const ratio = Math.round((a.rps / b.rps) * 100) / 100;
      return {
        figures: {
          ratio,
          rps: a.rps,
          baselineRps: b.rps,
          p99Ms: a.p99Ms,
          baselineP99Ms: b.p99Ms,
          p99Ratio: Math.round((a.p99Ms / b.p99Ms) * 100) / 100,
          acknowledged,
          lost,
        },
        checks: [
          [`ratio ${ratio} ≥ 0.5`, ratio >= 0.5],
          [`autosave p99 ${a.p99Ms} ms ≤ 2 × baseline p99 ${b.p99Ms} ms`, a.p99Ms <= 2 * b.p99Ms],
          [`lost ${lost} = 0 of ${acknowledged} acknowledged`, lost === 0],
        ],
      };
    },
  };
}

/**
 * Saves acknowledged by the server and, of those, lost: a reading's version must have moved by at
 * least its acknowledged saves, and its text must be the last acknowledged one. Read from the
 * database once every server has stopped, so nothing is still in flight.
 */
export function countSaves(dbFile, readers) {
  const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const read = sqlite.prepare('SELECT version, "whatIsIt" FROM "Reading" WHERE id = ?');
    let acknowledged = 0;
    let lost = 0;
    for (const r of readers) {
      if (!r.acked) continue;
      const row = read.get(r.readingId);
      acknowledged += r.acked;
      if (!row) {
        lost += r.acked;
        continue;
      }
      lost += Math.max(0, r.acked - row.version);
      if (row.whatIsIt !== r.lastAcked) lost += 1;
    }
    return { acknowledged, lost };
  } finally {
    sqlite.close();
  }
}

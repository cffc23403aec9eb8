// Server render: the reading page, the group page and the recap screen, each requested by
// signed-in members (every client its own reader) at 10 and 50 concurrent users, next to a bare
// page of the same build that reads one row (app/bench/page.tsx). Budget: each page serves at
// least 0.4 × the bare page's requests per second, with a p95 at most 2.5 × the bare page's. The
// bare page and the pages take turns in short slices (ROUNDS per user count), so that a machine
// slowing down or speeding up during the part weighs on the baseline as on the pages.
import { log } from "./app.mjs";
import { ROUNDS, measure, measureRounds, table } from "./load.mjs";

const USERS = [10, 50];
const MIN_RATIO = 0.4;
const MAX_P95 = 2.5;

export async function pages(app, { seconds, warmup }) {
  const get = (path, headers) => async (pool) => {
    const { statusCode, body } = await pool.request({ path, method: "GET", headers });
    await body.dump();
    return statusCode === 200;
  };
  const asReader = (pathOf) => async (pool, i) => {
    const r = app.readers[i % app.readers.length];
    return get(pathOf(r), { cookie: r.cookie })(pool);
  };
  const targets = {
    bare: get(`/bench?id=${app.readers[0].readingId}`, { "x-bench-token": app.env.BENCH_TOKEN }),
    reading: asReader(() => "/en/groups/bench/meetings/1"),
    group: asReader(() => "/en/groups/bench"),
    recap: asReader(() => "/en/groups/bench/meetings/2/recap"),
  };

  log("pages: warming up…");
  for (const request of Object.values(targets)) await measure(app.base, 10, warmup, request);
  const results = {};
  for (const users of USERS) {
    log(
      `pages: ${Object.keys(targets).join(", ")} at ${users} users, ${seconds} s each in ${ROUNDS} turns…`,
    );
    const measured = await measureRounds(app.base, users, seconds, targets);
    for (const [name, x] of Object.entries(measured)) results[`${name}@${users}`] = x;
  }

  const checks = [];
  // Stable keys: pages.bare.at10, pages.<page>.ratio (the worse of 10 and 50 users), …
  const figures = { bare: {} };
  for (const users of USERS) {
    const bare = results[`bare@${users}`];
    figures.bare[`at${users}`] = { rps: bare.rps, p50Ms: bare.p50Ms, p95Ms: bare.p95Ms };
    for (const name of ["reading", "group", "recap"]) {
      const x = results[`${name}@${users}`];
      const ratio = Math.round((x.rps / bare.rps) * 100) / 100;
      const p95Ratio = Math.round((x.p95Ms / bare.p95Ms) * 100) / 100;
      const page = (figures[name] ??= { ratio: Infinity, p95Ratio: 0 });
      page[`at${users}`] = { rps: x.rps, p50Ms: x.p50Ms, p95Ms: x.p95Ms, ratio, p95Ratio };
      page.ratio = Math.min(page.ratio, ratio);
      page.p95Ratio = Math.max(page.p95Ratio, p95Ratio);
      checks.push([
        `${name}@${users} ${ratio} × bare throughput ≥ ${MIN_RATIO}`,
        ratio >= MIN_RATIO,
      ]);
      checks.push([
        `${name}@${users} p95 ${x.p95Ms} ms ≤ ${MAX_P95} × bare p95 ${bare.p95Ms} ms`,
        x.p95Ms <= MAX_P95 * bare.p95Ms,
      ]);
      if (x.errors > 0) checks.push([`${name}@${users} answered ${x.errors} errors`, false]);
    }
  }
  return {
    async after() {
      table(
        "Server render",
        Object.entries(results).map(([name, x]) => ({ "page @ users": name, ...x })),
        ["page @ users", "requests", "errors", "rps", "p50Ms", "p95Ms", "p99Ms"],
      );
      return { figures, checks };
    },
  };
}

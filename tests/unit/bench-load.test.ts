// The bench's load generator: targets measured in turns, figures summed over their slices. A
// ratio of two targets is only as fair as the time each one was measured in.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureRounds, summarize } from "../../scripts/bench/load.mjs";

type Figure = { requests: number; errors: number; rps: number; p50Ms: number; p95Ms: number };
type Pool = {
  request: (o: {
    path: string;
    method: string;
  }) => Promise<{ statusCode: number; body: { dump: () => Promise<void> } }>;
};

let server: Server;
let base = "";
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? "");
    res.statusCode = req.url === "/broken" ? 500 : 200;
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const target = (path: string) => async (pool: Pool) => {
  const { statusCode, body } = await pool.request({ path, method: "GET" });
  await body.dump();
  return statusCode === 200;
};

describe("measureRounds", () => {
  it("takes the targets in turns, round after round, and sums each one's slices", async () => {
    seen.length = 0;
    const out = (await measureRounds(
      base,
      2,
      0.6,
      { a: target("/a"), b: target("/b"), broken: target("/broken") },
      3,
    )) as unknown as { a: Figure; b: Figure; broken: Figure };
    // The order the server saw, runs of the same target collapsed: a b broken, three times.
    const turns = seen.filter((url, i) => url !== seen[i - 1]);
    expect(turns).toEqual(["/a", "/b", "/broken", "/a", "/b", "/broken", "/a", "/b", "/broken"]);
    // Every request answered is counted once, in its own target, but for each client's first of
    // a slice (its connection's): 2 clients × 3 targets × 3 rounds.
    expect(out.a.requests + out.b.requests + out.broken.requests).toBe(seen.length - 18);
    expect(out.a.requests).toBe(seen.filter((u) => u === "/a").length - 6);
    expect(out.a.errors).toBe(0);
    expect(out.broken.errors).toBe(out.broken.requests);
    expect(out.broken.rps).toBe(0);
    expect(out.a.rps).toBeGreaterThan(0);
  });
});

describe("summarize", () => {
  it("divides the slices' answered requests by their summed time and ranks every latency", () => {
    const f = summarize([
      { latencies: [10, 20, 30, 40], errors: 0, elapsed: 1 },
      { latencies: [50, 60, 70, 80, 90, 100], errors: 2, elapsed: 1 },
    ]) as Figure & { p99Ms: number };
    expect(f.requests).toBe(10);
    expect(f.errors).toBe(2);
    expect(f.rps).toBe(4); // (10 − 2) / 2 s
    expect(f.p50Ms).toBe(60);
    expect(f.p95Ms).toBe(100);
  });

  it("reads nothing measured as zero, not as a division by zero", () => {
    expect(summarize([])).toMatchObject({ requests: 0, rps: 0, p95Ms: 0 });
  });

  it("leaves out each connection's first answer, however slow", async () => {
    // A server whose answers take 20 ms, and a new connection's first 400 ms.
    const slowFirst = createServer((req, res) => {
      const first = !(req.socket as { answered?: boolean }).answered;
      (req.socket as { answered?: boolean }).answered = true;
      setTimeout(() => res.end("ok"), first ? 400 : 20);
    });
    await new Promise<void>((resolve) => slowFirst.listen(0, "127.0.0.1", resolve));
    const address = slowFirst.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    try {
      const out = (await measureRounds(url, 2, 1, { a: target("/a") }, 2)) as unknown as {
        a: Figure & { p99Ms: number };
      };
      expect(out.a.requests).toBeGreaterThan(20);
      expect(out.a.p99Ms).toBeLessThan(300);
    } finally {
      await new Promise<void>((resolve) => slowFirst.close(() => resolve()));
    }
  });
});

// The paper look-up on a real database: the rate gate shared by app instances, the cache, the
// services' bad days, and readers' typing kept off the shared record.
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

const testDb = await createTestDatabase();

// A stand-in for arXiv and doi.org, counting what it is asked.
const fixtures = join(process.cwd(), "tests/fixtures/papers");
const asked: string[] = [];
let behaviour: "normal" | "down" | "slow" | "hostile" = "normal";
const server: Server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  asked.push(
    `${url.pathname}?${url.searchParams.get("id_list") ?? ""}|${req.headers["user-agent"]}`,
  );
  if (behaviour === "down") return res.writeHead(503).end("down");
  if (behaviour === "slow") return void setTimeout(() => res.writeHead(200).end("late"), 7_000);
  if (behaviour === "hostile")
    return res.writeHead(200, { "Content-Type": "application/atom+xml" }).end("<feed><entry><id>");
  if (url.pathname === "/arxiv") {
    const id = url.searchParams.get("id_list")!;
    const file = ["2304.13705", "1706.03762"].includes(id) ? `${id}.xml` : "empty.xml";
    return res.writeHead(200).end(readFileSync(join(fixtures, "arxiv", file)));
  }
  if (url.pathname === "/doi/10.1145/3442188.3445922")
    return res.writeHead(200).end(readFileSync(join(fixtures, "doi/10.1145_3442188.3445922.json")));
  res.writeHead(404).end("no");
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
process.env.ARXIV_API_URL = `${base}/arxiv`;
process.env.DOI_RESOLVER_URL = `${base}/doi`;
process.env.CROSSREF_API_URL = `${base}/crossref`;
process.env.LOOKUP_CONTACT = "papers@yomikai.example";
process.env.ARXIV_MIN_INTERVAL_MS = "3000";

const { db } = await import("@/lib/db");
const { createPrismaClient } = await import("@/lib/db-client");
const { reserveCall, resolvePaper } = await import("@/lib/papers/mutations");
const { lookUpPaper } = await import("@/lib/papers/lookup");
const { showPaper } = await import("@/lib/papers/display");
const { paperSchema } = await import("@/lib/papers/schema");

afterAll(async () => {
  server.close();
  await db.$disconnect();
  await testDb.drop();
});

describe("the arXiv rate gate", () => {
  it("gives two app instances calling at once slots at least 3 s apart, never the same", async () => {
    const instanceA = createPrismaClient(testDb.url);
    const instanceB = createPrismaClient(testDb.url);
    const now = new Date("2026-12-01T10:00:00Z");
    try {
      const slots = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          reserveCall("arxiv-test", 3_000, now, i % 2 ? instanceA : instanceB),
        ),
      );
      const times = slots.map((s) => s.getTime()).sort((a, b) => a - b);
      expect(times[0]).toBe(now.getTime());
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(3_000);
    } finally {
      await instanceA.$disconnect();
      await instanceB.$disconnect();
    }
  });

  it("lets a call go at once when the last one was long ago", async () => {
    const first = await reserveCall("arxiv-idle", 3_000, new Date("2026-12-01T10:00:00Z"));
    const later = new Date("2026-12-01T10:05:00Z");
    expect((await reserveCall("arxiv-idle", 3_000, later)).getTime()).toBe(later.getTime());
    expect(first.getTime()).toBe(new Date("2026-12-01T10:00:00Z").getTime());
  });
});

describe("looking a paper up", () => {
  it("asks arXiv once, with a descriptive User-Agent; the second look-up is the cache's", async () => {
    behaviour = "normal";
    asked.length = 0;
    const first = await lookUpPaper({ kind: "arxiv", id: "2304.13705", version: null });
    expect(first).toMatchObject({ ok: true, cached: false });
    if (!first.ok) return;
    expect(first.paper.authors).toHaveLength(4);
    const second = await lookUpPaper({ kind: "arxiv", id: "2304.13705", version: 1 });
    expect(second).toMatchObject({ ok: true, cached: true });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^\/arxiv\?2304\.13705\|Yomikai\/.*mailto:papers@yomikai\.example/);
  });

  it("answers notFound for an id arXiv does not have, and reads DOIs from doi.org", async () => {
    behaviour = "normal";
    expect(await lookUpPaper({ kind: "arxiv", id: "2399.00001", version: null })).toEqual({
      ok: false,
      reason: "notFound",
    });
    const doi = await lookUpPaper({ kind: "doi", doi: "10.1145/3442188.3445922" });
    expect(doi.ok && doi.paper.venue).toMatch(/Fairness, Accountability/);
    expect(await lookUpPaper({ kind: "doi", doi: "10.1145/0000000" })).toEqual({
      ok: false,
      reason: "notFound",
    });
  });

  it.each(["down", "hostile", "slow"] as const)(
    "a service that is %s is 'unavailable' and stores nothing",
    async (mode) => {
      behaviour = mode;
      const before = await db.paper.count();
      const started = Date.now();
      const result = await lookUpPaper({ kind: "arxiv", id: "1706.03762", version: null });
      expect(result).toEqual({ ok: false, reason: "unavailable" });
      expect(await db.paper.count()).toBe(before);
      // The 5 s timeout, plus at most one turn at the gate.
      expect(Date.now() - started).toBeLessThan(mode === "slow" ? 9_500 : 4_000);
      behaviour = "normal";
    },
    15_000,
  );
});

describe("a reader's typing and the shared record", () => {
  const input = (fields: Record<string, string>) => paperSchema.parse(fields);

  it("keeps corrections on the reading and leaves the looked-up record alone", async () => {
    behaviour = "normal";
    const looked = await lookUpPaper({ kind: "arxiv", id: "2304.13705", version: null });
    if (!looked.ok) throw new Error("look-up failed");
    const { paperId, overrides } = await db.$transaction((tx) =>
      resolvePaper(tx, input({ title: "ALOHA (my notes)", arxivId: "2304.13705" })),
    );
    expect(paperId).toBe(looked.paper.id);
    const shared = await db.paper.findUniqueOrThrow({ where: { id: paperId } });
    expect(shared.title).toBe("Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware");
    expect(showPaper(shared, overrides).title).toBe("ALOHA (my notes)");
    expect(showPaper(shared, null).title).toBe(shared.title);
  });

  it("a paper typed while offline is replaced by the next look-up, the typing kept on the reading", async () => {
    const { paperId, overrides } = await db.$transaction((tx) =>
      resolvePaper(tx, input({ title: "attention paper", arxivId: "1706.03762" })),
    );
    behaviour = "normal";
    const looked = await lookUpPaper({ kind: "arxiv", id: "1706.03762", version: null });
    expect(looked.ok && looked.paper.id).toBe(paperId);
    const shared = await db.paper.findUniqueOrThrow({ where: { id: paperId } });
    expect(shared.title).toBe("Attention Is All You Need");
    expect(showPaper(shared, overrides).title).toBe("attention paper");
  });
});

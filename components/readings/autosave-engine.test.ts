import { describe, expect, it } from "vitest";
import { AutosaveEngine, DEBOUNCE_MS, MAX_WAIT_MS, type SaveResponse } from "./autosave-engine";
import { emptySummary, type Changes, type Summary } from "@/lib/readings/summary";
import type { Draft } from "./draft-store";

// A fake clock and timers, a fake server, and an in-memory draft store.
function harness(opts: { draft?: Draft; server?: Summary; version?: number } = {}) {
  let now = 1_000_000;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  let stored: Draft | null = opts.draft ?? null;
  const server = {
    summary: { ...(opts.server ?? emptySummary) },
    version: opts.version ?? 0,
    down: false,
  };
  const sent: { baseVersion: number; changes: Changes }[] = [];

  function respond(body: { baseVersion: number; changes: Changes }): Response {
    const conflicts = [];
    let changed = false;
    for (const [f, c] of Object.entries(body.changes) as [
      keyof Summary,
      { base: string; value: string },
    ][]) {
      const theirs = server.summary[f];
      if (theirs === c.value) continue;
      if (theirs === c.base) {
        server.summary[f] = c.value;
        changed = true;
      } else conflicts.push({ field: f, mine: c.value, theirs });
    }
    if (changed) server.version++;
    const res: SaveResponse = {
      version: server.version,
      summary: { ...server.summary },
      conflicts,
      savedAt: now,
      snapshot: null,
    };
    return new Response(JSON.stringify(res), { status: conflicts.length ? 409 : 200 });
  }

  const engine = new AutosaveEngine(
    { version: server.version, summary: { ...server.summary }, savedAt: null, snapshot: null },
    {
      send: async (body) => {
        sent.push(structuredClone(body));
        if (server.down) throw new TypeError("Failed to fetch");
        return respond(body);
      },
      store: {
        load: () => stored,
        save: (d) => (stored = structuredClone(d)),
        clear: () => (stored = null),
      },
      now: () => now,
      setTimer: (fn, ms) => {
        const id = nextId++;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimer: (id) => (timers = timers.filter((t) => t.id !== id)),
    },
  );

  async function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.fn();
      // Let the fake request and its handling finish.
      for (let i = 0; i < 10; i++) await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
    }
    now = end;
  }

  return { engine, server, sent, advance, stored: () => stored };
}

describe("autosave engine", () => {
  it("saves within 2 s of the last keystroke and clears the kept draft", async () => {
    const h = harness();
    h.engine.change("whatIsIt", "- a model");
    expect(h.stored()?.values.whatIsIt).toBe("- a model");
    await h.advance(DEBOUNCE_MS - 1);
    expect(h.sent).toHaveLength(0);
    await h.advance(1);
    expect(h.sent).toEqual([
      { baseVersion: 0, changes: { whatIsIt: { base: "", value: "- a model" } } },
    ]);
    expect(h.engine.state.status).toEqual({ kind: "saved", at: expect.any(Number) });
    expect(h.server.summary.whatIsIt).toBe("- a model");
    expect(h.stored()).toBeNull();
  });

  it("saves at least every 10 s while typing without pause", async () => {
    const h = harness();
    for (let i = 0; i < 12; i++) {
      h.engine.change("novelty", "x".repeat(i + 1));
      await h.advance(1000);
    }
    expect(h.sent.length).toBeGreaterThanOrEqual(1);
    expect(h.sent.length).toBeLessThanOrEqual(2);
    expect(MAX_WAIT_MS).toBe(10_000);
  });

  it("keeps changes through a network drop and sends them when it can", async () => {
    const h = harness();
    h.server.down = true;
    h.engine.change("validation", "- ImageNet");
    await h.advance(DEBOUNCE_MS);
    expect(h.engine.state.status).toEqual({ kind: "offline" });
    expect(h.stored()?.values.validation).toBe("- ImageNet");
    h.engine.change("validation", "- ImageNet, COCO");
    h.server.down = false;
    await h.advance(20_000);
    expect(h.server.summary.validation).toBe("- ImageNet, COCO");
    expect(h.engine.state.status.kind).toBe("saved");
    expect(h.stored()).toBeNull();
  });

  it("picks up a draft left by a closed tab and sends it", async () => {
    const draft: Draft = {
      baseVersion: 0,
      base: emptySummary,
      values: { ...emptySummary, gist: "kept" },
      updatedAt: 1,
    };
    const h = harness({ draft });
    expect(h.engine.state.values.gist).toBe("kept");
    h.engine.kick();
    await h.advance(0);
    expect(h.server.summary.gist).toBe("kept");
  });

  it("brings in another tab's change to an untouched answer", async () => {
    const h = harness();
    h.server.summary.discussion = "from the other tab";
    h.server.version = 1;
    h.engine.change("whatIsIt", "mine");
    await h.advance(DEBOUNCE_MS);
    expect(h.engine.state.values).toMatchObject({
      whatIsIt: "mine",
      discussion: "from the other tab",
    });
    expect(h.engine.state.conflicts).toEqual([]);
  });

  it("shows a conflict on the same answer, never overwrites, and saves the user's choice", async () => {
    const h = harness();
    h.server.summary.novelty = "theirs";
    h.server.version = 1;
    h.engine.change("novelty", "mine");
    await h.advance(DEBOUNCE_MS);
    expect(h.engine.state.status).toEqual({ kind: "conflict" });
    expect(h.engine.state.conflicts).toEqual([
      { field: "novelty", mine: "mine", theirs: "theirs" },
    ]);
    expect(h.engine.state.values.novelty).toBe("mine");
    expect(h.server.summary.novelty).toBe("theirs");
    // Nothing about that answer is sent until the user chooses.
    h.engine.change("gist", "g");
    await h.advance(DEBOUNCE_MS);
    expect(h.sent.at(-1)!.changes).toEqual({ gist: { base: "", value: "g" } });
    expect(h.server.summary.novelty).toBe("theirs");
    h.engine.resolve("novelty", "mine\n\n---\n\ntheirs");
    await h.advance(0);
    expect(h.server.summary.novelty).toBe("mine\n\n---\n\ntheirs");
    expect(h.engine.state.conflicts).toEqual([]);
    expect(h.engine.state.status.kind).toBe("saved");
  });

  it("keeps what was typed while a save was on its way", async () => {
    const h = harness();
    h.engine.change("keyTechnique", "a");
    await h.advance(DEBOUNCE_MS - 1);
    const flushing = h.engine.flush();
    h.engine.change("keyTechnique", "ab");
    await flushing;
    expect(h.engine.state.values.keyTechnique).toBe("ab");
    await h.advance(DEBOUNCE_MS);
    expect(h.server.summary.keyTechnique).toBe("ab");
  });

  it("keeps an unresolved conflict through a reload", async () => {
    const draft: Draft = {
      baseVersion: 1,
      base: { ...emptySummary, novelty: "theirs" },
      values: { ...emptySummary, novelty: "mine" },
      conflicts: [{ field: "novelty", mine: "mine", theirs: "theirs" }],
      updatedAt: 1,
    };
    const h = harness({ draft, server: { ...emptySummary, novelty: "theirs" }, version: 1 });
    expect(h.engine.state.status).toEqual({ kind: "conflict" });
    expect(h.engine.state.conflicts).toHaveLength(1);
    h.engine.kick();
    await h.advance(DEBOUNCE_MS);
    // The conflicted answer is not sent on its own: the user still has to choose.
    expect(h.sent).toHaveLength(0);
    expect(h.server.summary.novelty).toBe("theirs");
  });

  it("adopts a closed tab's draft only when it has nothing unsent itself", async () => {
    const orphan: Draft = {
      baseVersion: 0,
      base: emptySummary,
      values: { ...emptySummary, gist: "from a closed tab" },
      updatedAt: 1,
    };
    const busy = harness();
    busy.engine.change("gist", "typing here");
    expect(busy.engine.adopt(orphan)).toBe(false);
    const idle = harness();
    expect(idle.engine.adopt(orphan)).toBe(true);
    await idle.advance(0);
    expect(idle.server.summary.gist).toBe("from a closed tab");
  });
});

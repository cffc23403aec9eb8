// The engine against a fake clock, an in-memory draft store and a small stand-in server that
// merges with the contract's own mergeChanges. The real server and database are exercised by
// autosave-model.test.ts; these cases pin the engine's own rules.
import { describe, expect, it } from "vitest";
import { AutosaveEngine, DEBOUNCE_MS, MAX_WAIT_MS, type Draft } from "./autosave-engine";
import { mergeChanges, type SaveRequest, type SaveResult } from "@/lib/readings/autosave";
import { emptySummary, type Summary } from "@/lib/readings/summary";

type Mode = "up" | "down" | "dropResponse" | "closed";

function harness(opts: { draft?: Draft; server?: Summary; version?: number } = {}) {
  let now = 1_000_000;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  let stored: Draft | null = opts.draft ? structuredClone(opts.draft) : null;
  const server = {
    summary: { ...(opts.server ?? emptySummary) },
    version: opts.version ?? 0,
    mode: "up" as Mode,
    applied: new Set<string>(),
  };
  const sent: SaveRequest[] = [];

  function respond(body: SaveRequest): Response {
    if (server.mode === "closed")
      return Response.json(
        { error: { code: "MEETING_CLOSED", message: "closed" } },
        { status: 409 },
      );
    const { apply, conflicts } = server.applied.has(body.saveId)
      ? { apply: {}, conflicts: [] }
      : mergeChanges(server.summary, body.changes);
    if (Object.keys(apply).length) {
      Object.assign(server.summary, apply);
      server.version++;
      server.applied.add(body.saveId);
    }
    const res: SaveResult = {
      version: server.version,
      summary: { ...server.summary },
      conflicts,
      savedAt: now,
      snapshot: null,
    };
    return Response.json(res);
  }

  let ids = 0;
  const deps = {
    send: async (body: SaveRequest) => {
      sent.push(structuredClone(body));
      if (server.mode === "down") throw new TypeError("Failed to fetch");
      const res = respond(body);
      if (server.mode === "dropResponse") throw new TypeError("Failed to fetch");
      return res;
    },
    store: {
      load: () => structuredClone(stored),
      save: (d: Draft) => (stored = structuredClone(d)),
      clear: () => (stored = null),
    },
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => (timers = timers.filter((t) => t.id !== id)),
    newId: () => `save-${String(++ids).padStart(4, "0")}`,
  };

  const make = () =>
    new AutosaveEngine(
      {
        version: server.version,
        summary: { ...server.summary },
        savedAt: null,
        snapshot: null,
        closed: false,
      },
      deps,
    );
  const h = {
    engine: make(),
    server,
    sent,
    stored: () => stored,
    /** The page reloads: the engine is rebuilt from the draft store and the saved answers. */
    reload() {
      h.engine.detach();
      timers = [];
      h.engine = make();
      h.engine.attach();
      return h.engine;
    },
    async advance(ms: number) {
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
    },
  };
  return h;
}

describe("autosave engine", () => {
  it("saves within 2 s of the last keystroke and clears the kept draft", async () => {
    const h = harness();
    h.engine.change("whatIsIt", "- a model");
    expect(h.stored()?.values.whatIsIt).toBe("- a model");
    expect(h.engine.state.status).toEqual({ kind: "pending" });
    await h.advance(DEBOUNCE_MS - 1);
    expect(h.sent).toHaveLength(0);
    await h.advance(1);
    expect(h.sent).toEqual([
      {
        saveId: "save-0001",
        baseVersion: 0,
        changes: { whatIsIt: { base: "", value: "- a model" } },
      },
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

  it("never says saved while keystrokes are unsent", async () => {
    const h = harness();
    h.engine.change("keyTechnique", "a");
    await h.advance(DEBOUNCE_MS - 1);
    const flushing = h.engine.flush();
    expect(h.engine.state.status.kind).toBe("saving");
    h.engine.change("keyTechnique", "ab");
    await flushing;
    // The first save is acknowledged, but "b" is not: not "saved".
    expect(h.engine.state.status.kind).toBe("pending");
    expect(h.engine.state.values.keyTechnique).toBe("ab");
    await h.advance(DEBOUNCE_MS);
    expect(h.server.summary.keyTechnique).toBe("ab");
    expect(h.engine.state.status.kind).toBe("saved");
  });

  it("keeps changes through a network drop and sends them when it can", async () => {
    const h = harness();
    h.server.mode = "down";
    h.engine.change("validation", "- ImageNet");
    await h.advance(DEBOUNCE_MS);
    expect(h.engine.state.status).toEqual({ kind: "offline" });
    expect(h.stored()?.values.validation).toBe("- ImageNet");
    h.engine.change("validation", "- ImageNet, COCO");
    h.server.mode = "up";
    await h.advance(20_000);
    expect(h.server.summary.validation).toBe("- ImageNet, COCO");
    expect(h.engine.state.status.kind).toBe("saved");
    expect(h.stored()).toBeNull();
  });

  it("retries a save whose answer was lost with the same id, so it is never merged twice", async () => {
    const h = harness();
    h.server.mode = "dropResponse";
    h.engine.change("whatIsIt", "- first");
    await h.advance(DEBOUNCE_MS);
    expect(h.server.summary.whatIsIt).toBe("- first");
    expect(h.engine.state.status.kind).toBe("offline");
    h.engine.change("whatIsIt", "- first, more");
    h.server.mode = "up";
    await h.advance(20_000);
    expect(h.sent[1]).toEqual(h.sent[0]);
    expect(h.server.summary.whatIsIt).toBe("- first, more");
    expect(h.engine.state.conflicts).toEqual([]);
    expect(h.engine.state.status.kind).toBe("saved");
  });

  it("keeps the save on its way through a reload and resends it unchanged", async () => {
    const h = harness();
    h.server.mode = "dropResponse";
    h.engine.change("novelty", "- typed");
    await h.advance(DEBOUNCE_MS);
    expect(h.stored()?.outbox?.saveId).toBe("save-0001");
    h.server.mode = "up";
    const engine = h.reload();
    engine.kick();
    await h.advance(0);
    expect(h.sent.at(-1)?.saveId).toBe("save-0001");
    expect(engine.state.conflicts).toEqual([]);
    expect(engine.state.values.novelty).toBe("- typed");
    expect(engine.state.status.kind).toBe("saved");
  });

  it("picks up a draft left by a closed tab and sends it", async () => {
    const draft: Draft = {
      baseVersion: 0,
      base: emptySummary,
      values: { ...emptySummary, gist: "kept" },
      conflicts: [],
      outbox: null,
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

  it("merges another tab's change into an answer being typed, and never writes it back over", async () => {
    const h = harness();
    h.engine.change("discussion", "- a");
    await h.advance(DEBOUNCE_MS);
    // Another tab adds a line; this tab has typed more in the same answer since its last save.
    h.server.summary.discussion = "- a\n- from the other tab";
    h.server.version++;
    h.engine.change("whatIsIt", "x");
    await h.advance(DEBOUNCE_MS - 1);
    const flushing = h.engine.flush();
    h.engine.change("discussion", "- a\n- typed here");
    await flushing;
    expect(h.engine.state.values.discussion).toBe("- a\n- from the other tab\n- typed here");
    await h.advance(DEBOUNCE_MS);
    expect(h.server.summary.discussion).toBe("- a\n- from the other tab\n- typed here");
  });

  it("shows a conflict on the same lines, never overwrites, and saves the user's choice", async () => {
    const h = harness();
    h.server.summary.novelty = "theirs";
    h.server.version = 1;
    h.engine.change("novelty", "mine");
    await h.advance(DEBOUNCE_MS);
    expect(h.engine.state.status).toEqual({ kind: "conflict" });
    expect(h.engine.state.conflicts).toEqual([{ field: "novelty", theirs: "theirs" }]);
    expect(h.engine.state.values.novelty).toBe("mine");
    expect(h.server.summary.novelty).toBe("theirs");
    // Nothing about that answer is sent until the user chooses.
    h.engine.change("gist", "g");
    await h.advance(DEBOUNCE_MS);
    expect(h.sent.at(-1)!.changes).toEqual({ gist: { base: "", value: "g" } });
    expect(h.server.summary.novelty).toBe("theirs");
    // Typing goes on in the box; "keep both" keeps what is in the box now.
    h.engine.change("novelty", "mine, and a sentence typed after the conflict appeared");
    h.engine.resolve(
      "novelty",
      `${h.engine.state.values.novelty}\n\n---\n\n${h.engine.state.conflicts[0]!.theirs}`,
    );
    await h.advance(0);
    expect(h.server.summary.novelty).toBe(
      "mine, and a sentence typed after the conflict appeared\n\n---\n\ntheirs",
    );
    expect(h.engine.state.conflicts).toEqual([]);
    expect(h.engine.state.status.kind).toBe("saved");
  });

  it("keeps an open conflict through a reload (the draft the engine itself wrote)", async () => {
    const h = harness();
    h.engine.change("validation", "A");
    await h.advance(DEBOUNCE_MS);
    // Another device saves over it; this tab, stale, types on the same line.
    h.server.summary.validation = "A from elsewhere";
    h.server.version++;
    h.engine.change("validation", "B");
    await h.advance(DEBOUNCE_MS);
    expect(h.engine.state.conflicts).toEqual([{ field: "validation", theirs: "A from elsewhere" }]);
    const engine = h.reload();
    expect(engine.state.status).toEqual({ kind: "conflict" });
    expect(engine.state.values.validation).toBe("B");
    engine.kick();
    await h.advance(20_000);
    // Nothing went out for that answer: the other device's text is still saved.
    expect(h.server.summary.validation).toBe("A from elsewhere");
    expect(engine.state.conflicts).toEqual([{ field: "validation", theirs: "A from elsewhere" }]);
  });

  it("turns read-only when the meeting has closed and keeps the text for copying", async () => {
    const h = harness();
    h.server.mode = "closed";
    h.engine.change("discussion", "- unsent thought");
    await h.advance(DEBOUNCE_MS);
    expect(h.engine.state.status).toEqual({ kind: "closed" });
    expect(h.engine.unsentText()).toEqual({ discussion: "- unsent thought" });
    expect(h.stored()?.values.discussion).toBe("- unsent thought");
    // No retry loop, and typing is refused.
    await h.advance(60_000);
    expect(h.sent).toHaveLength(1);
    h.engine.change("discussion", "ignored");
    expect(h.engine.state.values.discussion).toBe("- unsent thought");
    // Reopened by the facilitator: the kept text goes out.
    h.server.mode = "up";
    h.engine.setClosed(false);
    await h.advance(0);
    expect(h.server.summary.discussion).toBe("- unsent thought");
  });

  it("adopts a closed tab's draft only when it has nothing unsent itself", async () => {
    const orphan: Draft = {
      baseVersion: 0,
      base: emptySummary,
      values: { ...emptySummary, gist: "from a closed tab" },
      conflicts: [],
      outbox: null,
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

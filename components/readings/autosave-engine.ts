// The summary's autosave, outside React. Every change is stored in the browser at once and sent
// to the server within 2 s of the last keystroke (at least every 10 s while typing). Until the
// server acknowledges a change it stays in the browser and is retried: through a network drop, a
// server restart, a reload or a closed tab. Saves carry the version they started from; the server
// merges them, and an answer also changed elsewhere comes back as a conflict to resolve by hand.
import {
  diffSummary,
  summaryFields,
  type Changes,
  type Conflict,
  type Summary,
  type SummaryField,
} from "@/lib/readings/summary";
import type { Draft } from "./draft-store";

export const DEBOUNCE_MS = 1500;
export const MAX_WAIT_MS = 10_000;
const MAX_RETRY_MS = 15_000;

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "offline" }
  | { kind: "signedOut" }
  | { kind: "conflict" }
  | { kind: "error"; message: string };

export type SaveResponse = {
  version: number;
  summary: Summary;
  conflicts: Conflict[];
  savedAt: number;
  snapshot: Summary | null;
};

export type EngineState = {
  values: Summary;
  status: SaveStatus;
  conflicts: Conflict[];
  snapshot: Summary | null;
};

export type Initial = {
  version: number;
  summary: Summary;
  savedAt: number | null;
  snapshot: Summary | null;
};

export type EngineDeps = {
  send: (body: { baseVersion: number; changes: Changes }) => Promise<Response>;
  store: { load(): Draft | null; save(d: Draft): void; clear(): void };
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
};

export class AutosaveEngine {
  private base: Summary;
  private baseVersion: number;
  private conflictFields = new Set<SummaryField>();
  private inFlight = false;
  private again = false;
  private timer: unknown = null;
  private firstDirtyAt: number | null = null;
  private retryMs = 0;
  private listeners = new Set<() => void>();
  state: EngineState;

  constructor(
    initial: Initial,
    private deps: EngineDeps,
  ) {
    const draft = deps.store.load();
    const keep =
      draft &&
      (draft.baseVersion >= initial.version ||
        summaryFields.some((f) => draft.base[f] !== draft.values[f]));
    if (draft && !keep) deps.store.clear();
    this.base = keep ? draft.base : initial.summary;
    this.baseVersion = keep ? draft.baseVersion : initial.version;
    const conflicts = keep ? (draft.conflicts ?? []) : [];
    for (const c of conflicts) this.conflictFields.add(c.field);
    this.state = {
      values: keep ? draft.values : initial.summary,
      status: conflicts.length
        ? { kind: "conflict" }
        : initial.savedAt
          ? { kind: "saved", at: initial.savedAt }
          : { kind: "idle" },
      conflicts,
      snapshot: initial.snapshot,
    };
  }

  /**
   * Takes over a draft a closed tab left behind. Only when this tab has nothing unsent of its
   * own; its changes then go out as a save from that draft's version, so the server merges them.
   */
  adopt(draft: Draft): boolean {
    if (this.hasUnsent() || this.conflictFields.size) return false;
    this.base = draft.base;
    this.baseVersion = draft.baseVersion;
    for (const c of draft.conflicts ?? []) this.conflictFields.add(c.field);
    this.set({ values: draft.values, conflicts: draft.conflicts ?? [] });
    this.persist();
    this.kick();
    return true;
  }

  private get now() {
    return (this.deps.now ?? Date.now)();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<EngineState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Changes not yet acknowledged by the server (conflicted answers wait for the user). */
  pendingChanges(): Changes {
    const changes = diffSummary(this.base, this.state.values);
    for (const f of this.conflictFields) delete changes[f];
    return changes;
  }

  hasUnsent(): boolean {
    return this.inFlight || summaryFields.some((f) => this.base[f] !== this.state.values[f]);
  }

  get version(): number {
    return this.baseVersion;
  }

  private persist() {
    if (
      summaryFields.some((f) => this.base[f] !== this.state.values[f]) ||
      this.conflictFields.size > 0
    ) {
      this.deps.store.save({
        baseVersion: this.baseVersion,
        base: this.base,
        values: this.state.values,
        updatedAt: this.now,
      });
    } else {
      this.deps.store.clear();
    }
  }

  private schedule(delay?: number) {
    const now = this.now;
    this.firstDirtyAt ??= now;
    const wait =
      delay ?? Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - (now - this.firstDirtyAt)));
    if (this.timer !== null)
      (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = (this.deps.setTimer ?? setTimeout)(() => void this.flush(), wait);
  }

  change(field: SummaryField, text: string) {
    this.set({ values: { ...this.state.values, [field]: text } });
    this.persist();
    this.schedule();
  }

  /** Replaces every field (restoring a revision) and saves at once. */
  replaceAll(summary: Summary) {
    this.set({ values: { ...summary } });
    this.persist();
    this.schedule(0);
  }

  resolve(field: SummaryField, text: string) {
    this.conflictFields.delete(field);
    this.set({
      values: { ...this.state.values, [field]: text },
      conflicts: this.state.conflicts.filter((c) => c.field !== field),
    });
    this.persist();
    this.schedule(0);
  }

  /** Sends now if anything is pending (used on start, when coming back online). */
  kick() {
    if (Object.keys(this.pendingChanges()).length) this.schedule(0);
  }

  stop() {
    if (this.timer !== null)
      (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
  }

  private retryLater(status: SaveStatus) {
    this.set({ status });
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs ? this.retryMs * 2 : 1000);
    this.schedule(this.retryMs);
  }

  async flush(): Promise<void> {
    if (this.timer !== null)
      (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const changes = this.pendingChanges();
    this.firstDirtyAt = null;
    if (Object.keys(changes).length === 0) {
      this.persist();
      return;
    }
    this.inFlight = true;
    const sent = { ...this.state.values };
    this.set({ status: { kind: "saving" } });
    let res: Response;
    try {
      res = await this.deps.send({ baseVersion: this.baseVersion, changes });
    } catch {
      this.inFlight = false;
      this.retryLater({ kind: "offline" });
      return;
    }
    let retry = false;
    if (res.status === 200 || res.status === 409) {
      const body = (await res.json()) as SaveResponse;
      this.retryMs = 0;
      const conflicted = new Set(body.conflicts.map((c) => c.field));
      const next = { ...this.state.values };
      for (const f of summaryFields) {
        // Answers not touched since this save went out take the server's text (which brings in
        // what another tab saved); anything typed meanwhile stays and goes with the next save.
        if (!conflicted.has(f) && this.state.values[f] === sent[f]) next[f] = body.summary[f];
      }
      for (const f of conflicted) this.conflictFields.add(f);
      this.base = body.summary;
      this.baseVersion = body.version;
      this.set({
        values: next,
        snapshot: body.snapshot ?? this.state.snapshot,
        conflicts: [
          ...this.state.conflicts.filter((c) => !conflicted.has(c.field)),
          ...body.conflicts,
        ],
        status: this.conflictFields.size
          ? { kind: "conflict" }
          : { kind: "saved", at: body.savedAt },
      });
      this.persist();
    } else if (res.status === 401) {
      this.set({ status: { kind: "signedOut" } });
    } else if (res.status >= 500 || res.status === 429) {
      retry = true;
    } else {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      this.set({
        status: { kind: "error", message: body?.error?.message ?? `HTTP ${res.status}` },
      });
    }
    this.inFlight = false;
    if (retry) {
      this.retryLater({ kind: "offline" });
    } else if (this.again || (res.ok && Object.keys(this.pendingChanges()).length > 0)) {
      this.again = false;
      this.schedule();
    }
  }
}

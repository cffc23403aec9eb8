// The summary's autosave, outside React. Every change is kept in the browser at once and sent to
// the server within 2 s of the last keystroke (at least every 10 s while typing). Until the server
// acknowledges a change it stays in the browser and is retried: through a network drop, a server
// restart, a reload or a closed tab.
//
// One save is on its way at a time. It is kept (with its id) until the server answers, and a retry
// sends the very same save, so a save the server applied but whose answer was lost is recognised
// and never merged twice. Answers merge line by line on both sides; where another device changed
// the same lines, the answer waits for the user, who sees their current text and the other one.
import { mergeText } from "@/lib/readings/merge";
import {
  readSaveAnswer,
  type Changes,
  type SaveAnswer,
  type SaveErrorCode,
  type SaveRequest,
  type SummaryInitial,
} from "@/lib/readings/autosave-answer";
import {
  diffSummary,
  summaryFields,
  type Summary,
  type SummaryField,
} from "@/lib/readings/summary";

export const DEBOUNCE_MS = 1500;
export const MAX_WAIT_MS = 10_000;
const MAX_RETRY_MS = 15_000;

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "offline" }
  | { kind: "retrying" }
  | { kind: "signedOut" }
  | { kind: "conflict" }
  | { kind: "closed" }
  | { kind: "error"; code: SaveErrorCode };

/** An answer changed elsewhere in the same lines; "mine" is always the box's current text. */
export type OpenConflict = { field: SummaryField; theirs: string };

/** The save on its way (or waiting to be retried), and the answers it was made from. */
export type Outbox = { saveId: string; baseVersion: number; changes: Changes; sent: Summary };

/** What the browser keeps until the server has everything: enough to rebuild the engine. */
export type Draft = {
  baseVersion: number;
  base: Summary;
  values: Summary;
  conflicts: OpenConflict[];
  outbox: Outbox | null;
  updatedAt: number;
};

export type EngineState = {
  values: Summary;
  status: SaveStatus;
  conflicts: OpenConflict[];
  snapshot: Summary | null;
};

export type EngineDeps = {
  send: (body: SaveRequest) => Promise<Response>;
  store: { load(): Draft | null; save(d: Draft): void; clear(): void };
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
  newId?: () => string;
};

type Failure =
  | { kind: "offline" }
  | { kind: "retrying" }
  | { kind: "signedOut" }
  | { kind: "error"; code: SaveErrorCode };

/** A save id: random, URL-safe; works outside secure contexts (no randomUUID there). */
export function newSaveId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class AutosaveEngine {
  private base: Summary;
  private baseVersion: number;
  private outbox: Outbox | null = null;
  private inFlight = false;
  private failure: Failure | null = null;
  private closed: boolean;
  private disposed = false;
  private savedAt: number | null;
  private timer: unknown = null;
  private firstDirtyAt: number | null = null;
  private retryMs = 0;
  private listeners = new Set<() => void>();
  state: EngineState;

  constructor(
    initial: SummaryInitial,
    private deps: EngineDeps,
  ) {
    this.closed = initial.closed;
    this.savedAt = initial.savedAt;
    this.base = initial.summary;
    this.baseVersion = initial.version;
    this.state = {
      values: initial.summary,
      status: { kind: "idle" },
      conflicts: [],
      snapshot: initial.snapshot,
    };
    const draft = deps.store.load();
    if (draft && hasWork(draft)) this.take(draft);
    else if (draft) deps.store.clear();
    this.update({});
  }

  /**
   * Continues from a kept draft. Without a save on its way, the draft is first brought up to the
   * newer saved text this engine started from, merging line by line, so what shows is current.
   */
  private take(draft: Draft) {
    const server = this.base;
    const version = this.baseVersion;
    this.base = draft.base;
    this.baseVersion = draft.baseVersion;
    this.outbox = draft.outbox;
    this.state = { ...this.state, values: draft.values, conflicts: draft.conflicts };
    if (!draft.outbox && version > draft.baseVersion) this.absorb(server, version, draft.base, []);
  }

  /**
   * Takes over a draft a closed tab left behind. Only when this tab has nothing unsent of its
   * own; the draft's changes then go out from its version, and the server merges them.
   */
  adopt(draft: Draft): boolean {
    if (this.hasUnsent() || this.state.conflicts.length || this.disposed) return false;
    this.take(draft);
    this.update({});
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

  private statusNow(): SaveStatus {
    if (this.closed) return { kind: "closed" };
    if (this.failure) return this.failure;
    if (this.state.conflicts.length) return { kind: "conflict" };
    if (this.inFlight) return { kind: "saving" };
    if (this.outbox || this.hasPending()) return { kind: "pending" };
    return this.savedAt !== null ? { kind: "saved", at: this.savedAt } : { kind: "idle" };
  }

  private update(patch: Partial<Omit<EngineState, "status">>) {
    this.state = { ...this.state, ...patch };
    this.state = { ...this.state, status: this.statusNow() };
    for (const l of this.listeners) l();
  }

  private conflicted(field: SummaryField): boolean {
    return this.state.conflicts.some((c) => c.field === field);
  }

  private hasPending(): boolean {
    return summaryFields.some((f) => this.base[f] !== this.state.values[f] && !this.conflicted(f));
  }

  /** Changes not yet acknowledged by the server (conflicted answers wait for the user). */
  pendingChanges(): Changes {
    const changes = diffSummary(this.base, this.state.values);
    for (const c of this.state.conflicts) delete changes[c.field];
    return changes;
  }

  /** Anything typed that the server has not acknowledged yet. */
  hasUnsent(): boolean {
    return this.inFlight || this.outbox !== null || this.hasPending();
  }

  /** The answers whose text the server does not have: for copying out of a closed meeting. */
  unsentText(): Partial<Summary> {
    const out: Partial<Summary> = {};
    for (const f of summaryFields)
      if (this.state.values[f] !== this.base[f] || this.conflicted(f))
        out[f] = this.state.values[f];
    return out;
  }

  private persist() {
    if (this.disposed) return;
    const work =
      this.outbox !== null ||
      this.state.conflicts.length > 0 ||
      summaryFields.some((f) => this.base[f] !== this.state.values[f]);
    if (!work) {
      this.deps.store.clear();
      return;
    }
    this.deps.store.save({
      baseVersion: this.baseVersion,
      base: this.base,
      values: this.state.values,
      conflicts: this.state.conflicts,
      outbox: this.outbox,
      updatedAt: this.now,
    });
  }

  private clearTimer() {
    if (this.timer !== null)
      (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
  }

  private schedule(delay?: number) {
    if (this.disposed || this.closed) return;
    const now = this.now;
    this.firstDirtyAt ??= now;
    const wait =
      delay ?? Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - (now - this.firstDirtyAt)));
    this.clearTimer();
    this.timer = (this.deps.setTimer ?? setTimeout)(() => void this.flush(), wait);
  }

  change(field: SummaryField, text: string) {
    if (this.closed || this.disposed) return;
    this.update({ values: { ...this.state.values, [field]: text } });
    this.persist();
    this.schedule();
  }

  /** Replaces every answer (restoring a revision) and saves at once. */
  replaceAll(summary: Summary) {
    if (this.closed || this.disposed) return;
    this.update({ values: { ...summary } });
    this.persist();
    this.schedule(0);
  }

  /** The user's choice for a conflicted answer; the box's text becomes `text`. */
  resolve(field: SummaryField, text: string) {
    if (this.closed || this.disposed) return;
    this.update({
      values: { ...this.state.values, [field]: text },
      conflicts: this.state.conflicts.filter((c) => c.field !== field),
    });
    this.persist();
    this.schedule(0);
  }

  /** Sends now if anything waits (on start, coming back online, the tab shown again). */
  kick() {
    if (this.disposed || this.closed || this.inFlight) return;
    if (this.failure?.kind === "signedOut" || this.failure?.kind === "error") this.failure = null;
    if (this.outbox || this.hasPending()) this.schedule(0);
    this.update({});
  }

  /** The meeting closed or reopened (from the page): stop saving, or carry on. */
  setClosed(closed: boolean) {
    if (closed === this.closed) return;
    this.closed = closed;
    if (closed) this.clearTimer();
    this.update({});
    if (!closed) this.kick();
  }

  /** The save to send with a request that outlives the page, or null when nothing waits. */
  beacon(): SaveRequest | null {
    if (this.disposed || this.closed) return null;
    if (!this.outbox) {
      if (!this.hasPending()) return null;
      this.outbox = this.newOutbox();
      this.persist();
    }
    return requestOf(this.outbox);
  }

  /** The form is on the page (again): the engine may save. */
  attach() {
    this.disposed = false;
  }

  /** The page is going away: no more requests, answers ignored, the draft left as it is. */
  detach() {
    this.clearTimer();
    this.disposed = true;
  }

  private newOutbox(): Outbox {
    const changes = this.pendingChanges();
    // What the server's copy will derive from: the sent text where an answer is in the save, the
    // last acknowledged text where it is not (a conflicted answer's box is not the server's).
    const sent = { ...this.base };
    for (const f of summaryFields) if (changes[f]) sent[f] = changes[f].value;
    return {
      saveId: (this.deps.newId ?? newSaveId)(),
      baseVersion: this.baseVersion,
      changes,
      sent,
    };
  }

  /**
   * Brings the answers up to `server` (version `version`). `ancestor` is the text the server's
   * copy was derived from on this side; answers typed since are merged line by line, and where the
   * same lines changed, the answer becomes a conflict with the server's text as "theirs".
   */
  private absorb(
    server: Summary,
    version: number,
    ancestor: Summary,
    conflictedByServer: SummaryField[],
  ) {
    const values = { ...this.state.values };
    const conflicts: OpenConflict[] = [];
    for (const f of summaryFields) {
      if (this.conflicted(f) || conflictedByServer.includes(f)) {
        if (values[f] !== server[f]) conflicts.push({ field: f, theirs: server[f] });
      } else if (values[f] === ancestor[f]) {
        values[f] = server[f];
      } else {
        const merged = mergeText(ancestor[f], values[f], server[f]);
        if (merged === null) conflicts.push({ field: f, theirs: server[f] });
        else values[f] = merged;
      }
    }
    this.base = { ...server };
    this.baseVersion = version;
    this.state = { ...this.state, values, conflicts };
  }

  private retryLater(failure: Failure) {
    this.failure = failure;
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs ? this.retryMs * 2 : 1000);
    this.schedule(this.retryMs);
  }

  async flush(): Promise<void> {
    this.clearTimer();
    if (this.disposed || this.closed || this.inFlight) return;
    if (!this.outbox) {
      if (!this.hasPending()) {
        this.persist();
        this.update({});
        return;
      }
      this.outbox = this.newOutbox();
      this.persist();
    }
    const box = this.outbox;
    this.firstDirtyAt = null;
    this.inFlight = true;
    this.update({});
    let answer: SaveAnswer | null;
    try {
      const res = await this.deps.send(requestOf(box));
      const body: unknown = await res.json().catch(() => null);
      answer = readSaveAnswer(res.status, body);
    } catch {
      answer = null;
    }
    this.inFlight = false;
    if (this.disposed) return;
    if (answer === null) {
      this.retryLater({ kind: "offline" });
    } else if (answer.kind === "result") {
      const { result } = answer;
      this.outbox = null;
      this.failure = null;
      this.retryMs = 0;
      this.savedAt = result.savedAt;
      this.absorb(
        result.summary,
        result.version,
        box.sent,
        result.conflicts.map((c) => c.field),
      );
      this.state = { ...this.state, snapshot: result.snapshot ?? this.state.snapshot };
      this.persist();
      if (this.hasPending()) this.schedule();
    } else if (answer.code === "MEETING_CLOSED") {
      this.closed = true;
    } else if (answer.code === "UNAUTHENTICATED") {
      this.failure = { kind: "signedOut" };
    } else if (answer.retry) {
      this.retryLater({ kind: "retrying" });
    } else {
      // Refused for good (not found, not allowed, not valid): the text stays in this browser; the
      // save is rebuilt from it if the user tries again.
      this.outbox = null;
      this.failure = { kind: "error", code: answer.code };
      this.persist();
    }
    this.update({});
  }
}

function requestOf(box: Outbox): SaveRequest {
  return { saveId: box.saveId, baseVersion: box.baseVersion, changes: box.changes };
}

function hasWork(draft: Draft): boolean {
  return (
    draft.outbox !== null ||
    draft.conflicts.length > 0 ||
    summaryFields.some((f) => draft.base[f] !== draft.values[f])
  );
}

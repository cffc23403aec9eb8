// The meetings' live read model, one per instance. For each meeting that a browser watches or a
// page has just shown, the board is built once per change: the same event goes to every connection
// on this instance, a new connection gets the last board at once, and the meeting's pages render
// from it instead of querying. Changes arrive through the live bus, so writes on any instance
// reach every instance (this instance's own at once, before its write's answer goes out).
import "server-only";
import type { MeetingEvent } from "@/lib/groups/access";
import { meetingTopic, subscribe } from "@/lib/live/bus";
import type { BoardState } from "./board";
import { getBoard, getBoardStamp } from "./data";

// Changes that arrive together (a save and a phase change, "everyone starts now") make one board.
const COALESCE_MS = 50;
// A meeting only pages look at keeps its board this long after the last view, then lets it go.
const PAGE_KEEP_MS = 60_000;

/** Receives the board as JSON, serialized once for every connection. */
type Watcher = (boardJson: string) => void;

type Model = {
  watchers: Set<Watcher>;
  last: string | null;
  /** The phase in the last board: answers alone change what is shown only during the recap. */
  phase: BoardState["phase"] | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** The database's stamp (getBoardStamp) read just before `last` was built. */
  stamp: string | null;
  building: boolean;
  stale: boolean;
  unsubscribe: Promise<() => void>;
  builds: number;
  /** Until when a page view keeps the model without watchers. */
  keepUntil: number;
  release: ReturnType<typeof setTimeout> | null;
};

const globalForLive = globalThis as unknown as { yomikaiLive?: Map<string, Model> };
const models: Map<string, Model> = (globalForLive.yomikaiLive ??= new Map());

async function build(meetingId: string, model: Model) {
  if (model.building) {
    model.stale = true;
    return;
  }
  model.building = true;
  try {
    do {
      model.stale = false;
      // Read before the board: a write in between leaves an older stamp, never a newer one.
      const stamp = await getBoardStamp(meetingId);
      const board = await getBoard(meetingId);
      model.stamp = stamp;
      model.builds++;
      if (!board) {
        // The meeting is gone: nothing to show, to a page or a watcher.
        model.last = null;
        continue;
      }
      const json = JSON.stringify(board satisfies BoardState);
      model.last = json;
      model.phase = board.phase;
      for (const watcher of model.watchers) watcher(json);
    } while (model.stale && model.watchers.size > 0);
  } catch (error) {
    console.error("live board not built", error);
  } finally {
    model.building = false;
  }
}

/** A save that changed answers but not how many are filled: the board looks the same then. */
function answersOnly(event: unknown): boolean {
  const e = event as MeetingEvent | null | undefined;
  return e?.type === "answers" && !e.counted;
}

function schedule(meetingId: string, model: Model) {
  if (model.timer) return;
  model.timer = setTimeout(() => {
    model.timer = null;
    void build(meetingId, model);
  }, COALESCE_MS);
}

/**
 * Calls `onBoard` with the meeting's board (as JSON) now and after every change, until the returned
 * function is called. The caller has checked that the user is a member.
 */
function modelFor(meetingId: string): Model {
  const existing = models.get(meetingId);
  if (existing) return existing;
  const created: Model = {
    watchers: new Set(),
    last: null,
    phase: null,
    timer: null,
    stamp: null,
    building: false,
    stale: false,
    builds: 0,
    unsubscribe: Promise.resolve(() => {}),
    keepUntil: 0,
    release: null,
  };
  const changed = (event?: unknown) => {
    if (answersOnly(event) && created.phase !== "RECAP" && created.phase !== null) return;
    schedule(meetingId, created);
  };
  created.unsubscribe = subscribe(meetingTopic(meetingId), changed, changed);
  models.set(meetingId, created);
  return created;
}

/** Lets a model go once nobody watches it and no page has shown it for a while. */
function releaseIfIdle(meetingId: string, model: Model) {
  if (model.watchers.size > 0 || models.get(meetingId) !== model) return;
  const wait = model.keepUntil - Date.now();
  if (wait > 0) {
    model.release ??= setTimeout(() => {
      model.release = null;
      releaseIfIdle(meetingId, model);
    }, wait);
    model.release.unref?.();
    return;
  }
  models.delete(meetingId);
  if (model.timer) clearTimeout(model.timer);
  void model.unsubscribe.then((off) => off());
}

/**
 * Calls `onBoard` with the meeting's board (as JSON) now and after every change, until the returned
 * function is called. The caller has checked that the user is a member.
 */
export async function watchBoard(meetingId: string, onBoard: Watcher): Promise<() => void> {
  const model = modelFor(meetingId);
  model.watchers.add(onBoard);
  await model.unsubscribe;
  if (model.last && !model.timer && !model.building) onBoard(model.last);
  else if (!model.building) await build(meetingId, model);
  return () => {
    model.watchers.delete(onBoard);
    releaseIfIdle(meetingId, model);
  };
}

/**
 * The meeting's board for a page: the one last built when the database says nothing it shows has
 * changed since (one small query instead of the board's six, none when the caller read the stamp
 * with the meeting: `stamp`), else read now and kept for the next view. The caller has checked
 * that the user is a member.
 */
export async function readBoard(meetingId: string, stamp?: string): Promise<BoardState | null> {
  const model = modelFor(meetingId);
  model.keepUntil = Date.now() + PAGE_KEEP_MS;
  await model.unsubscribe;
  try {
    if (model.last && !model.timer && !model.building && !model.stale) {
      if ((stamp ?? (await getBoardStamp(meetingId))) === model.stamp)
        return JSON.parse(model.last) as BoardState;
    }
    // A change is on its way into the model: this view reads the database itself.
    if (model.timer || model.building) return await getBoard(meetingId);
    await build(meetingId, model);
    return model.last ? (JSON.parse(model.last) as BoardState) : null;
  } finally {
    releaseIfIdle(meetingId, model);
  }
}

/** How many boards this instance has built for a meeting (for tests and diagnostics). */
export function boardBuilds(meetingId: string): number {
  return models.get(meetingId)?.builds ?? 0;
}

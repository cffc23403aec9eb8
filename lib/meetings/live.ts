// The meetings' live read model, one per instance. For each meeting that at least one browser
// watches, the board is built once per change and the same event goes to every connection on this
// instance; a new connection gets the last board at once. Changes arrive through the live bus, so
// writes on any instance reach every instance's watchers.
import "server-only";
import type { MeetingEvent } from "@/lib/groups/access";
import { meetingTopic, subscribe } from "@/lib/live/bus";
import type { BoardState } from "./board";
import { getBoard } from "./data";

// Changes that arrive together (a save and a phase change, "everyone starts now") make one board.
const COALESCE_MS = 50;

/** Receives the board as JSON, serialized once for every connection. */
type Watcher = (boardJson: string) => void;

type Model = {
  watchers: Set<Watcher>;
  last: string | null;
  /** The phase in the last board: answers alone change what is shown only during the recap. */
  phase: BoardState["phase"] | null;
  timer: ReturnType<typeof setTimeout> | null;
  building: boolean;
  stale: boolean;
  unsubscribe: Promise<() => void>;
  builds: number;
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
      const board = await getBoard(meetingId);
      model.builds++;
      if (!board) continue;
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
export async function watchBoard(meetingId: string, onBoard: Watcher): Promise<() => void> {
  let model = models.get(meetingId);
  if (!model) {
    const created: Model = {
      watchers: new Set(),
      last: null,
      phase: null,
      timer: null,
      building: false,
      stale: false,
      builds: 0,
      unsubscribe: Promise.resolve(() => {}),
    };
    const changed = (event?: unknown) => {
      if (answersOnly(event) && created.phase !== "RECAP" && created.phase !== null) return;
      schedule(meetingId, created);
    };
    created.unsubscribe = subscribe(meetingTopic(meetingId), changed, changed);
    models.set(meetingId, created);
    model = created;
  }
  model.watchers.add(onBoard);
  await model.unsubscribe;
  if (model.last && !model.timer && !model.building) onBoard(model.last);
  else if (!model.building) await build(meetingId, model);
  const watched = model;
  return () => {
    watched.watchers.delete(onBoard);
    if (watched.watchers.size > 0 || models.get(meetingId) !== watched) return;
    models.delete(meetingId);
    if (watched.timer) clearTimeout(watched.timer);
    void watched.unsubscribe.then((off) => off());
  };
}

/** How many boards this instance has built for a meeting (for tests and diagnostics). */
export function boardBuilds(meetingId: string): number {
  return models.get(meetingId)?.builds ?? 0;
}

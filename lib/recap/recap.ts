// The recap's state machine: who presents, and each presenter's timer. Pure, so the server
// applies it with its own clock and the browsers show the same thing from the same state.

export type RecapState = {
  order: string[];
  /** Index into `order`; `order.length` is the closing slide. */
  index: number;
  startedAt: number | null;
  pausedAt: number | null;
  pausedMs: number;
};

export type RecapCommand = "next" | "back" | "pause";

export type RecapStep = {
  state: RecapState;
  /** The presenter who just finished, with their time. */ finished?: {
    readingId: string;
    ms: number;
  };
};

export function presenterElapsed(s: RecapState, now: number): number {
  if (s.startedAt === null) return 0;
  return Math.max(0, (s.pausedAt ?? now) - s.startedAt - s.pausedMs);
}

export function isClosingSlide(s: RecapState): boolean {
  return s.index >= s.order.length;
}

/** → / Space / PageDown: start the presenter's timer, or (once started) move to the next. */
export function next(s: RecapState, now: number): RecapStep {
  if (isClosingSlide(s)) return { state: s };
  if (s.startedAt === null) return { state: { ...s, startedAt: now, pausedAt: null, pausedMs: 0 } };
  const finished = { readingId: s.order[s.index]!, ms: presenterElapsed(s, now) };
  return {
    state: { ...s, index: s.index + 1, startedAt: null, pausedAt: null, pausedMs: 0 },
    finished,
  };
}

/** ← / PageUp: the previous presenter, timer reset. */
export function back(s: RecapState): RecapStep {
  if (s.index === 0 && s.startedAt === null) return { state: s };
  const index = s.startedAt === null ? Math.max(0, s.index - 1) : s.index;
  return { state: { ...s, index, startedAt: null, pausedAt: null, pausedMs: 0 } };
}

/** P: pause or resume the presenter's timer. */
export function pause(s: RecapState, now: number): RecapStep {
  if (s.startedAt === null || isClosingSlide(s)) return { state: s };
  if (s.pausedAt === null) return { state: { ...s, pausedAt: now } };
  return { state: { ...s, pausedMs: s.pausedMs + (now - s.pausedAt), pausedAt: null } };
}

export function apply(s: RecapState, command: RecapCommand, now: number): RecapStep {
  return command === "next" ? next(s, now) : command === "back" ? back(s) : pause(s, now);
}

/** The timer's colour: amber from the soft limit, red from the hard one. */
export function timerLevel(
  elapsedMs: number,
  softSeconds: number,
  hardSeconds: number,
): "normal" | "soft" | "hard" {
  if (elapsedMs >= hardSeconds * 1000) return "hard";
  if (elapsedMs >= softSeconds * 1000) return "soft";
  return "normal";
}

/** A new order is valid when it is some of the meeting's readings, each at most once. */
export function isValidOrder(order: string[], readingIds: string[]): boolean {
  const known = new Set(readingIds);
  return new Set(order).size === order.length && order.every((id) => known.has(id));
}

/** Fisher–Yates with an injectable random source (tests pass a seeded one). */
export function shuffled<T>(items: T[], random = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * What a presenter timer shows until the clock is measured: ASCII, so that in the timer's
 * monospace type it is exactly as wide as the "0:00" that replaces it (en dashes were wider, and
 * the header moved when the time arrived).
 */
const NO_ELAPSED = "-:--";

/** "1:05" style, for presenter timers (minutes are few); `null` (not measured yet) is "-:--". */
export function formatElapsed(ms: number | null): string {
  if (ms === null) return NO_ELAPSED;
  const total = Math.floor(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

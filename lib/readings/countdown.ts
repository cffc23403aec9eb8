// Countdown arithmetic, shared by server and browser. A countdown is a few server timestamps;
// what anyone shows is computed from them and "now" — never by counting ticks.

export type CountdownState = {
  /** Epoch ms, or null before Start. */
  startedAt: number | null;
  durationMs: number;
  /** Total paused time already over. */
  pausedMs: number;
  /** Epoch ms the current pause began, or null when running. */
  pausedAt: number | null;
  /** Epoch ms the reader said "I'm done" (or the meeting moved on), or null. */
  finishedAt: number | null;
};

export type CountdownStatus = "notStarted" | "reading" | "paused" | "overtime" | "done";

export const WARNING_MINUTES = [10, 5, 1] as const;
export const EXTENSION_MS = 5 * 60_000;
/** No countdown may run longer than this in total, extensions included. */
export const MAX_DURATION_MS = 6 * 60 * 60_000;
/**
 * The most pause a reading keeps: a week. A reading paused and forgotten for weeks would otherwise
 * outgrow its 32-bit column (about 24 days of milliseconds).
 */
export const MAX_PAUSED_MS = 7 * 24 * 60 * 60_000;

function addPause(c: CountdownState, now: number): number {
  return Math.min(MAX_PAUSED_MS, c.pausedMs + Math.max(0, now - (c.pausedAt ?? now)));
}

/** Reading time used so far (pauses excluded) at `now`. */
export function elapsedMs(c: CountdownState, now: number): number {
  if (c.startedAt === null) return 0;
  const end = Math.min(now, c.finishedAt ?? now, c.pausedAt ?? now);
  return Math.max(0, end - c.startedAt - c.pausedMs);
}

/** Time left at `now`; negative in overtime. */
export function remainingMs(c: CountdownState, now: number): number {
  return c.durationMs - elapsedMs(c, now);
}

/** When time runs out, if the countdown keeps running; null before Start or while paused. */
export function deadline(c: CountdownState): number | null {
  if (c.startedAt === null || c.pausedAt !== null) return null;
  return c.startedAt + c.pausedMs + c.durationMs;
}

/** The moment time ran out, if it has by `now` (paused time excluded). */
export function timeUpMoment(c: CountdownState, now: number): number | null {
  if (c.startedAt === null) return null;
  if (elapsedMs(c, now) < c.durationMs) return null;
  return c.startedAt + c.pausedMs + c.durationMs;
}

export function statusAt(c: CountdownState, now: number): CountdownStatus {
  if (c.startedAt === null) return "notStarted";
  if (c.finishedAt !== null && c.finishedAt <= now) return "done";
  if (c.pausedAt !== null) return "paused";
  return remainingMs(c, now) < 0 ? "overtime" : "reading";
}

/** "49:59", "05:00", "-00:03" style: whole seconds, rounded so 50:00 shows for the first second. */
export function formatClock(ms: number): string {
  const negative = ms < 0;
  const totalSeconds = negative ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const text = `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
  return negative && totalSeconds > 0 ? `+${text}` : text;
}

/** The warning (in minutes left) that applies at `remaining`, if any. */
export function warningLevel(remaining: number): (typeof WARNING_MINUTES)[number] | null {
  if (remaining <= 0) return null;
  for (const m of [...WARNING_MINUTES].reverse()) if (remaining <= m * 60_000) return m;
  return null;
}

// Transitions: pure functions returning the new state or an error code. The server applies them
// with its own clock inside a conditional update, so two racing requests cannot both succeed.

export const transitionErrors = [
  "notStarted",
  "alreadyStarted",
  "finished",
  "notPaused",
  "alreadyPaused",
  "tooLong",
] as const;
export type TransitionError = (typeof transitionErrors)[number];
export type Transition =
  { ok: true; state: CountdownState } | { ok: false; error: TransitionError };

export function start(c: CountdownState, now: number): Transition {
  if (c.startedAt !== null) return { ok: false, error: "alreadyStarted" };
  return {
    ok: true,
    state: { ...c, startedAt: now, pausedAt: null, pausedMs: 0, finishedAt: null },
  };
}

export function pause(c: CountdownState, now: number): Transition {
  if (c.startedAt === null) return { ok: false, error: "notStarted" };
  if (c.finishedAt !== null) return { ok: false, error: "finished" };
  if (c.pausedAt !== null) return { ok: false, error: "alreadyPaused" };
  return { ok: true, state: { ...c, pausedAt: now } };
}

export function resume(c: CountdownState, now: number): Transition {
  if (c.startedAt === null) return { ok: false, error: "notStarted" };
  if (c.finishedAt !== null) return { ok: false, error: "finished" };
  if (c.pausedAt === null) return { ok: false, error: "notPaused" };
  return {
    ok: true,
    state: { ...c, pausedAt: null, pausedMs: addPause(c, now) },
  };
}

export function finish(c: CountdownState, now: number): Transition {
  if (c.startedAt === null) return { ok: false, error: "notStarted" };
  if (c.finishedAt !== null) return { ok: false, error: "finished" };
  // A pause in progress ends with the reading.
  const resumed = c.pausedAt !== null ? { ...c, pausedAt: null, pausedMs: addPause(c, now) } : c;
  return { ok: true, state: { ...resumed, finishedAt: now } };
}

export function extend(c: CountdownState, byMs: number): Transition {
  if (c.startedAt === null) return { ok: false, error: "notStarted" };
  if (c.finishedAt !== null) return { ok: false, error: "finished" };
  if (byMs <= 0 || c.durationMs + byMs > MAX_DURATION_MS) return { ok: false, error: "tooLong" };
  return { ok: true, state: { ...c, durationMs: c.durationMs + byMs } };
}

// The browser's view of the server clock: offset = server - browser, from request round trips.

export type ClockSample = { sentAt: number; serverNow: number; receivedAt: number };

/** Estimates server − browser from samples, trusting the one with the shortest round trip. */
export function estimateOffset(samples: ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    if (s.receivedAt < s.sentAt) continue;
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  if (!best) return null;
  return best.serverNow - (best.sentAt + best.receivedAt) / 2;
}

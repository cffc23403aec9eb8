import { describe, expect, it } from "vitest";
import {
  apply,
  back,
  formatElapsed,
  isValidOrder,
  next,
  pause,
  presenterElapsed,
  shuffled,
  timerLevel,
  type RecapState,
} from "./recap";

const s0: RecapState = {
  order: ["a", "b", "c"],
  index: 0,
  startedAt: null,
  pausedAt: null,
  pausedMs: 0,
};

describe("recap state", () => {
  it("starts the presenter, then moves on recording their time", () => {
    const started = next(s0, 1000).state;
    expect(started).toMatchObject({ index: 0, startedAt: 1000 });
    const step = next(started, 91_000);
    expect(step.finished).toEqual({ readingId: "a", ms: 90_000 });
    expect(step.state).toMatchObject({ index: 1, startedAt: null });
  });

  it("reaches the closing slide after the last presenter and stays there", () => {
    let s = s0;
    for (let i = 0; i < 6; i++) s = next(s, i * 1000).state;
    expect(s.index).toBe(3);
    expect(next(s, 10_000).state).toBe(s);
  });

  it("goes back: first to the start of this presenter, then to the previous one", () => {
    const started = next({ ...s0, index: 1 }, 1000).state;
    const reset = back(started).state;
    expect(reset).toMatchObject({ index: 1, startedAt: null });
    expect(back(reset).state).toMatchObject({ index: 0, startedAt: null });
    expect(back(s0).state).toBe(s0);
  });

  it("pauses and resumes without counting the pause", () => {
    let s = next(s0, 0).state;
    s = pause(s, 30_000).state;
    expect(presenterElapsed(s, 90_000)).toBe(30_000);
    s = pause(s, 90_000).state;
    expect(presenterElapsed(s, 100_000)).toBe(40_000);
    expect(apply(s0, "pause", 5).state).toBe(s0);
  });

  it("colours the timer at the soft and hard limits", () => {
    expect(timerLevel(59_999, 60, 120)).toBe("normal");
    expect(timerLevel(60_000, 60, 120)).toBe("soft");
    expect(timerLevel(120_000, 60, 120)).toBe("hard");
  });

  it("checks orders and shuffles without losing anyone", () => {
    expect(isValidOrder(["b", "a"], ["a", "b", "c"])).toBe(true);
    expect(isValidOrder(["a", "a"], ["a", "b"])).toBe(false);
    expect(isValidOrder(["x"], ["a"])).toBe(false);
    let seed = 0.3;
    const out = shuffled(["a", "b", "c", "d"], () => (seed = (seed * 7.1) % 1));
    expect([...out].sort()).toEqual(["a", "b", "c", "d"]);
    expect(formatElapsed(65_000)).toBe("1:05");
    // Not measured yet: as many characters as "0:00", so the timer keeps its width.
    expect(formatElapsed(null)).toBe("-:--");
    expect(formatElapsed(null)).toHaveLength(formatElapsed(0).length);
  });
});

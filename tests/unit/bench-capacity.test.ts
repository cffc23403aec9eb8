// The capacity part's verdict on a step: fast enough is not enough, the saves must also have kept
// the pace they were offered at.
import { describe, expect, it } from "vitest";
import { held, withinBudget } from "../../scripts/bench/capacity.mjs";

const step = (over: Record<string, unknown> = {}) => ({
  meetings: 10,
  readers: 100,
  offeredPerSecond: 50,
  savesPerSecond: 48,
  errors: 0,
  saveP95Ms: 20,
  p95Ms: 60,
  ...over,
});

describe("capacity steps", () => {
  it("holds a step whose saves kept pace and reached their boards within a second", () => {
    expect(withinBudget(step())).toBe(true);
  });

  it("does not hold a step that answered fast but only half of what was offered", () => {
    expect(withinBudget(step({ savesPerSecond: 25, saveP95Ms: 104, p95Ms: 59 }))).toBe(false);
    expect(withinBudget(step({ savesPerSecond: 42 }))).toBe(false);
    expect(withinBudget(step({ savesPerSecond: 43 }))).toBe(true);
  });

  it("does not hold a step with a slow board, a slow save, an unseen save or an error", () => {
    expect(withinBudget(step({ p95Ms: 1000 }))).toBe(false);
    expect(withinBudget(step({ p95Ms: null }))).toBe(false);
    expect(withinBudget(step({ saveP95Ms: 1200 }))).toBe(false);
    expect(withinBudget(step({ errors: 1 }))).toBe(false);
  });

  it("reports the largest step that held, or null", () => {
    const rows = [
      step(),
      step({ meetings: 20, readers: 200, offeredPerSecond: 100, savesPerSecond: 97 }),
      step({ meetings: 40, readers: 400, offeredPerSecond: 200, savesPerSecond: 120 }),
    ];
    expect(held(rows)).toEqual({ meetings: 20, readers: 200, p95Ms: 60 });
    expect(held([step({ errors: 2 })])).toBeNull();
  });
});

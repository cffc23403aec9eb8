import { describe, expect, it } from "vitest";
import {
  deadline,
  elapsedMs,
  estimateOffset,
  extend,
  finish,
  formatClock,
  MAX_DURATION_MS,
  MAX_PAUSED_MS,
  pause,
  remainingMs,
  resume,
  start,
  statusAt,
  timeUpMoment,
  warningLevel,
  type CountdownState,
} from "./countdown";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 29, 10, 0, 0);
const fresh: CountdownState = {
  startedAt: null,
  durationMs: 50 * MIN,
  pausedMs: 0,
  pausedAt: null,
  finishedAt: null,
};

function started(at = T0) {
  const r = start(fresh, at);
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

function apply(r: ReturnType<typeof start>) {
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe("countdown arithmetic", () => {
  it("counts down from the full duration and reaches zero at the deadline", () => {
    const c = started();
    expect(remainingMs(c, T0)).toBe(50 * MIN);
    expect(remainingMs(c, T0 + 10 * MIN)).toBe(40 * MIN);
    expect(deadline(c)).toBe(T0 + 50 * MIN);
    expect(statusAt(c, T0 + 50 * MIN - 1)).toBe("reading");
    expect(timeUpMoment(c, T0 + 50 * MIN - 1)).toBeNull();
    expect(timeUpMoment(c, T0 + 50 * MIN)).toBe(T0 + 50 * MIN);
  });

  it("goes into overtime after the deadline and counts it", () => {
    const c = started();
    expect(statusAt(c, T0 + 53 * MIN)).toBe("overtime");
    expect(remainingMs(c, T0 + 53 * MIN)).toBe(-3 * MIN);
  });

  it("does not count paused time", () => {
    let c = apply(pause(started(), T0 + 10 * MIN));
    expect(statusAt(c, T0 + 20 * MIN)).toBe("paused");
    expect(remainingMs(c, T0 + 30 * MIN)).toBe(40 * MIN);
    expect(deadline(c)).toBeNull();
    c = apply(resume(c, T0 + 30 * MIN));
    expect(c.pausedMs).toBe(20 * MIN);
    expect(remainingMs(c, T0 + 30 * MIN)).toBe(40 * MIN);
    expect(deadline(c)).toBe(T0 + 70 * MIN);
    // Time-up moves with the pause: not up at the old deadline, up at the new one.
    expect(timeUpMoment(c, T0 + 50 * MIN)).toBeNull();
    expect(timeUpMoment(c, T0 + 70 * MIN)).toBe(T0 + 70 * MIN);
  });

  it("adds extensions to the duration, within a limit", () => {
    const c = apply(extend(started(), 5 * MIN));
    expect(remainingMs(c, T0 + 50 * MIN)).toBe(5 * MIN);
    expect(extend(c, MAX_DURATION_MS)).toEqual({ ok: false, error: "tooLong" });
    expect(extend(c, -5 * MIN)).toEqual({ ok: false, error: "tooLong" });
  });

  it("freezes at finish, including a finish during a pause", () => {
    const done = apply(finish(started(), T0 + 30 * MIN));
    expect(statusAt(done, T0 + 60 * MIN)).toBe("done");
    expect(elapsedMs(done, T0 + 99 * MIN)).toBe(30 * MIN);
    const paused = apply(pause(started(), T0 + 10 * MIN));
    const done2 = apply(finish(paused, T0 + 20 * MIN));
    expect(done2.pausedMs).toBe(10 * MIN);
    expect(elapsedMs(done2, T0 + 40 * MIN)).toBe(10 * MIN);
  });

  it("refuses impossible transitions", () => {
    const c = started();
    expect(start(c, T0 + 1)).toEqual({ ok: false, error: "alreadyStarted" });
    expect(pause(fresh, T0)).toEqual({ ok: false, error: "notStarted" });
    expect(resume(c, T0)).toEqual({ ok: false, error: "notPaused" });
    const done = apply(finish(c, T0 + 1));
    expect(pause(done, T0 + 2)).toEqual({ ok: false, error: "finished" });
    expect(finish(done, T0 + 2)).toEqual({ ok: false, error: "finished" });
    expect(extend(done, 5 * MIN)).toEqual({ ok: false, error: "finished" });
  });
});

describe("long pauses", () => {
  it("keep at most a week of pause, so the counter fits its 32-bit column", () => {
    const paused = apply(pause(started(), T0 + MIN));
    const resumed = apply(resume(paused, T0 + 60 * 24 * 60 * MIN));
    expect(resumed.pausedMs).toBe(MAX_PAUSED_MS);
    expect(resumed.pausedMs).toBeLessThan(2 ** 31);
    const again = apply(
      resume(apply(pause(resumed, T0 + 61 * 24 * 60 * MIN)), T0 + 90 * 24 * 60 * MIN),
    );
    expect(again.pausedMs).toBe(MAX_PAUSED_MS);
    expect(apply(finish(apply(pause(started(), T0)), T0 + 40 * 24 * 60 * MIN)).pausedMs).toBe(
      MAX_PAUSED_MS,
    );
  });
});

describe("display helpers", () => {
  it("formats the clock so 50:00 shows in the first second and overtime counts up", () => {
    expect(formatClock(50 * MIN)).toBe("50:00");
    expect(formatClock(50 * MIN - 1)).toBe("50:00");
    expect(formatClock(50 * MIN - 1000)).toBe("49:59");
    expect(formatClock(500)).toBe("00:01");
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(-999)).toBe("00:00");
    expect(formatClock(-61_000)).toBe("+01:01");
  });

  it("picks the warning level at 10, 5 and 1 minute left", () => {
    expect(warningLevel(11 * MIN)).toBeNull();
    expect(warningLevel(10 * MIN)).toBe(10);
    expect(warningLevel(5 * MIN + 1)).toBe(10);
    expect(warningLevel(5 * MIN)).toBe(5);
    expect(warningLevel(60_000)).toBe(1);
    expect(warningLevel(0)).toBeNull();
  });
});

describe("clock offset", () => {
  it("uses the sample with the shortest round trip", () => {
    const offset = estimateOffset([
      { sentAt: 1000, serverNow: 6200, receivedAt: 1400 }, // rtt 400 → 5000
      { sentAt: 2000, serverNow: 7020, receivedAt: 2040 }, // rtt 40 → 5000
      { sentAt: 3000, serverNow: 9000, receivedAt: 3900 }, // rtt 900 → 5550
    ]);
    expect(offset).toBe(5000);
  });

  it("gives a browser clock that is off by an hour the server's time", () => {
    const serverNow = T0;
    const browserNow = T0 - 3_600_000;
    const offset = estimateOffset([
      { sentAt: browserNow - 10, serverNow, receivedAt: browserNow + 10 },
    ])!;
    const c = started(T0 - 10 * MIN);
    expect(remainingMs(c, browserNow + offset)).toBe(40 * MIN);
  });

  it("ignores impossible samples", () => {
    expect(estimateOffset([{ sentAt: 10, serverNow: 0, receivedAt: 5 }])).toBeNull();
    expect(estimateOffset([])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { memberStats, weekOf, type MemberReading } from "./member";

const MIN = 60_000;
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 0, day, hour));
const dayNumber = (d: Date) => Math.floor(d.getTime() / (24 * 60 * MIN));
const reading = (day: number, over: Partial<MemberReading> = {}): MemberReading => ({
  meetingId: `m${day}`,
  scheduledAt: at(day),
  startedAt: at(day),
  finishedAt: null,
  durationMs: 50 * MIN,
  pausedMs: 0,
  answered: 6,
  ...over,
});
const week = (r: MemberReading) => weekOf(dayNumber(r.scheduledAt));

describe("memberStats", () => {
  it("adds up meetings, reading time without pauses, finishing in time and answers", () => {
    const rs = [
      // Finished after 40 minutes: in time.
      reading(5, { finishedAt: new Date(at(5).getTime() + 40 * MIN), answered: 6 }),
      // Paused 10 minutes, finished at 58: in time (the pause moved the deadline).
      reading(12, {
        pausedMs: 10 * MIN,
        finishedAt: new Date(at(12).getTime() + 58 * MIN),
        answered: 4,
      }),
      // Never pressed "finished": read until time was up, not in time.
      reading(19, { answered: 2 }),
      // Joined but never started.
      reading(26, { startedAt: null, answered: 0 }),
    ];
    const s = memberStats(rs, rs.map(week), week, at(30).getTime());
    expect(s.meetings).toBe(4);
    expect(s.readingMs).toBe((40 + 48 + 50) * MIN);
    expect(s.onTimeRate).toBeCloseTo(2 / 3);
    expect(s.averageAnswered).toBe(3);
  });

  it("counts streaks over the weeks the group met, not calendar weeks", () => {
    // The group met on weeks of Jan 5, 12, 26 (not the 19th: a holiday) and Feb 2.
    const groupWeeks = [5, 12, 26, 33].map((d) => weekOf(dayNumber(at(d))));
    const attended = [reading(5), reading(12), reading(26), reading(33)];
    expect(memberStats(attended, groupWeeks, week, 0)).toMatchObject({
      currentStreak: 4,
      longestStreak: 4,
    });
    const missedOne = [reading(5), reading(12), reading(33)];
    expect(memberStats(missedOne, groupWeeks, week, 0)).toMatchObject({
      currentStreak: 1,
      longestStreak: 2,
    });
    const missedLast = [reading(5), reading(12), reading(26)];
    expect(memberStats(missedLast, groupWeeks, week, 0)).toMatchObject({
      currentStreak: 0,
      longestStreak: 3,
    });
  });

  it("leaves a reading still within its time out of the in-time rate", () => {
    const going = reading(30);
    const s = memberStats([going], [week(going)], week, at(30).getTime() + 10 * MIN);
    expect(s.onTimeRate).toBeNull();
    expect(s.readingMs).toBe(10 * MIN);
  });

  it("has nothing to say of someone who never read", () => {
    expect(memberStats([], [], week, 0)).toEqual({
      meetings: 0,
      readingMs: 0,
      onTimeRate: null,
      averageAnswered: null,
      currentStreak: 0,
      longestStreak: 0,
    });
  });
});

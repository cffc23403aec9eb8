// A member's numbers in a group, from their readings: pure, so the member page and the tests
// compute them the same way.

export type MemberReading = {
  meetingId: string;
  scheduledAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number;
  pausedMs: number;
  answered: number;
};

export type MemberStats = {
  meetings: number;
  /** Time spent reading (pauses left out), in ms. */
  readingMs: number;
  /** Of readings finished or out of time, the share finished before time was up; null with none. */
  onTimeRate: number | null;
  /** Answers filled on average, of six; null with no readings. */
  averageAnswered: number | null;
  /** Weeks in a row attended, counting only weeks the group met, ending at its latest. */
  currentStreak: number;
  longestStreak: number;
};

/** Monday-based week number of a day number (days since 1970-01-01, a Thursday). */
export const weekOf = (dayNumber: number) => Math.floor((dayNumber + 3) / 7);

export function memberStats(
  readings: MemberReading[],
  /** The weeks (weekOf) in which the group held a meeting that had readers. */
  groupWeeks: number[],
  /** The week (weekOf) of each of the member's meetings. */
  weekOfMeeting: (r: MemberReading) => number,
  now: number,
): MemberStats {
  const started = readings.filter((r) => r.startedAt !== null);
  let readingMs = 0;
  let onTime = 0;
  let decided = 0;
  for (const r of started) {
    const start = r.startedAt!.getTime();
    const deadline = start + r.durationMs + r.pausedMs;
    // Unfinished: read until time was up (or until now, for a reading still going).
    const end = r.finishedAt?.getTime() ?? Math.min(deadline, now);
    readingMs += Math.max(0, end - start - r.pausedMs);
    // A reading still within its time has not finished late, nor in time, yet.
    if (r.finishedAt || now > deadline) decided++;
    if (r.finishedAt && r.finishedAt.getTime() <= deadline) onTime++;
  }
  const attended = new Set(readings.map(weekOfMeeting));
  const weeks = [...new Set(groupWeeks)].sort((a, b) => a - b);
  let run = 0;
  let longestStreak = 0;
  for (const w of weeks) {
    run = attended.has(w) ? run + 1 : 0;
    longestStreak = Math.max(longestStreak, run);
  }
  return {
    meetings: new Set(readings.map((r) => r.meetingId)).size,
    readingMs,
    onTimeRate: decided ? onTime / decided : null,
    averageAnswered: readings.length
      ? readings.reduce((n, r) => n + r.answered, 0) / readings.length
      : null,
    currentStreak: run,
    longestStreak,
  };
}

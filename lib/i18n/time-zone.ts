export const TIME_ZONE_COOKIE = "yomikai-tz";

/** The IANA zone name when the runtime knows it (e.g. "Asia/Tokyo"), else null. */
export function validTimeZone(value: string | undefined | null): string | null {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return null;
  }
}

const DAY_MS = 24 * 60 * 60_000;

/** The calendar day an instant falls on in `timeZone`, as days since 1970-01-01. */
export function localDayNumber(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
  const [y, m, d] = parts.split("-").map(Number);
  return Math.round(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

// One formatter per zone (a formatter costs ~75 µs to make, ~1 µs to use); zones are validated
// IANA names, a few hundred at most.
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in ms. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    offsetFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a calendar day ("2026-12-06") begins in `timeZone`; null for a day that does not
 * exist. A day that begins inside a clock change begins when the clocks allow.
 */
export function startOfLocalDay(day: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const midnight = Date.UTC(y, mo - 1, d);
  const check = new Date(midnight);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return null;
  // The offset at a first guess, then again at the instant it gives (DST may differ).
  let at = midnight - zoneOffsetMs(new Date(midnight), timeZone);
  at = midnight - zoneOffsetMs(new Date(at), timeZone);
  return new Date(at);
}

/** `timeZone`'s offset at `instant` as a browser's `Date#getTimezoneOffset` gives it: minutes behind UTC. */
export function timezoneOffsetAt(instant: Date, timeZone: string): number {
  return -zoneOffsetMs(instant, timeZone) / 60_000 || 0;
}

/**
 * A zone's offsets over the year before and the year after `now`, one sample a day at 00:00 UTC,
 * as runs: from day `runs[k][0]` after `start` on, the offset is `runs[k][1]` (getTimezoneOffset's
 * minutes). A browser whose own offsets agree on every one of those days shows every time of that
 * span exactly as the zone does, without asking `Intl` which zone it is in (lib/i18n/time-zone-script.ts).
 */
export type ZoneOffsets = { start: number; days: number; runs: [number, number][] };

export const OFFSET_DAYS = 2 * 366 + 1;
const zoneOffsetsCache = new Map<string, ZoneOffsets>();

export function zoneOffsets(timeZone: string, now = Date.now()): ZoneOffsets {
  const today = Math.floor(now / DAY_MS);
  const key = `${timeZone} ${today}`;
  const known = zoneOffsetsCache.get(key);
  if (known) return known;
  // Yesterday's entries (and any zone's from before) go when the day turns.
  if (zoneOffsetsCache.size > 0 && ![...zoneOffsetsCache.keys()][0]!.endsWith(` ${today}`))
    zoneOffsetsCache.clear();
  const start = (today - 366) * DAY_MS;
  const runs: [number, number][] = [];
  for (let day = 0; day < OFFSET_DAYS; day++) {
    const offset = timezoneOffsetAt(new Date(start + day * DAY_MS), timeZone);
    if (runs.at(-1)?.[1] !== offset) runs.push([day, offset]);
  }
  const offsets = { start, days: OFFSET_DAYS, runs };
  zoneOffsetsCache.set(key, offsets);
  return offsets;
}

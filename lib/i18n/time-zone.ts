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

// Values of raw SQL results, as the two drivers return them. A column keeps its declared type
// (SQLite's DATETIME comes back a Date), but an aggregate or a sub-select over one does not:
// PostgreSQL answers a Date, a bigint count and a boolean; SQLite the stored ISO text, a number
// and 0 or 1.

/** A timestamp in ms; 0 for none. */
export function rawInstant(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return value.getTime();
  const ms = typeof value === "number" ? value : Date.parse(String(value));
  if (Number.isNaN(ms)) throw new Error(`unreadable timestamp: ${String(value)}`);
  return ms;
}

export function rawDate(value: unknown): Date {
  return new Date(rawInstant(value));
}

export function rawNumber(value: unknown): number {
  return Number(value ?? 0);
}

export function rawBoolean(value: unknown): boolean {
  return value === true || Number(value) === 1;
}

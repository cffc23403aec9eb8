// Numbers as people type them: full-width digits (the default on Japanese keyboards: ２０２０),
// spaces around them, a minus sign from a word processor; durations as minutes:seconds. No zod
// here, so forms in the browser can use these without the schema library.

/** Full-width digits, letters and punctuation to ASCII (NFKC), trimmed; "" → undefined. */
export function normalizeNumberText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .trim();
  return text === "" ? undefined : text;
}

/** "1:30" → 90 seconds; "90" (plain seconds) → 90; anything else → null. */
export function parseMinutesSeconds(value: unknown): number | null {
  const text = normalizeNumberText(value);
  if (typeof text !== "string") return null;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  return /^\d{1,5}$/.test(text) ? Number(text) : null;
}

/** 90 → "1:30". */
export function formatMinutesSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

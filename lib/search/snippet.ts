// The snippet under a search result: the first place one of the terms appears (title, gist, the
// six answers in order, the abstract), a little text either side, the terms marked. Pure.

export type Segment = { text: string; hit: boolean };
export type Snippet<F extends string> = { field: F; segments: Segment[] };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Markdown's list and heading marks and line breaks read as one line of text. */
function plain(text: string): string {
  return text
    .replace(/^\s*(?:[-*+]|\d+\.|#{1,6}|>)\s+/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "[$1]")
    .replace(/\s+/g, " ")
    .trim();
}

export function snippetOf<F extends string>(
  texts: { field: F; text: string }[],
  terms: string[],
  radius = 60,
): Snippet<F> | null {
  if (terms.length === 0) return null;
  const pattern = new RegExp(
    terms
      .map((t) => t.normalize("NFKC"))
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|"),
    "giu",
  );
  for (const { field, text } of texts) {
    const line = plain(text.normalize("NFKC"));
    pattern.lastIndex = 0;
    const first = pattern.exec(line);
    if (!first) continue;
    let start = Math.max(0, first.index - radius);
    let end = Math.min(line.length, first.index + first[0].length + radius * 2);
    // Never cut a surrogate pair (an emoji) in half.
    if (start > 0 && /[\uDC00-\uDFFF]/.test(line[start]!)) start--;
    if (end < line.length && /[\uDC00-\uDFFF]/.test(line[end]!)) end++;
    const window = line.slice(start, end);
    const segments: Segment[] = [];
    if (start > 0) segments.push({ text: "…", hit: false });
    let at = 0;
    pattern.lastIndex = 0;
    for (const m of window.matchAll(pattern)) {
      if (m.index > at) segments.push({ text: window.slice(at, m.index), hit: false });
      segments.push({ text: m[0], hit: true });
      at = m.index + m[0].length;
    }
    if (at < window.length) segments.push({ text: window.slice(at), hit: false });
    if (end < line.length) segments.push({ text: "…", hit: false });
    return { field, segments };
  }
  return null;
}

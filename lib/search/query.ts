// What a search box's text means: terms that must all appear (a quoted phrase is one term, in
// "…" or 「…」), matched as substrings, case folded. Japanese has no spaces between words, so a
// term is never split further: 模倣 finds 模倣学習. Full-width letters and digits count as their
// ASCII selves (ＹＯＬＯ finds YOLO). Pure: the SQL for either database is built from this.

export const QUERY_MAX = 500;
export const TERMS_MAX = 8;
/** The shortest term a trigram index can look up; shorter ones are checked on the text itself. */
export const INDEXED_MIN = 3;

export type SearchTerm = { text: string; indexed: boolean };

const length = (text: string) => [...text].length;

export function parseSearchQuery(raw: string): SearchTerm[] {
  const text = raw.normalize("NFKC").slice(0, QUERY_MAX);
  const terms: string[] = [];
  const pattern = /"([^"]*)"|「([^」]*)」|(\S+)/gu;
  for (const m of text.matchAll(pattern)) {
    const term = (m[1] ?? m[2] ?? m[3] ?? "").replace(/\s+/gu, " ").trim();
    if (term && !terms.some((t) => t.toLowerCase() === term.toLowerCase())) terms.push(term);
  }
  return terms.slice(0, TERMS_MAX).map((t) => ({ text: t, indexed: length(t) >= INDEXED_MIN }));
}

/**
 * An FTS5 query that needs every indexed term, each as a phrase (a trigram tokenizer matches a
 * phrase as a substring). Quotes are doubled: nothing in a term is FTS5 syntax. Null when no term
 * is long enough for the index.
 */
export function ftsMatch(terms: SearchTerm[]): string | null {
  const indexed = terms.filter((t) => t.indexed);
  if (indexed.length === 0) return null;
  return indexed.map((t) => `"${t.text.replaceAll('"', '""')}"`).join(" AND ");
}

/** A LIKE/ILIKE pattern for a substring, with % _ and \ taken literally (ESCAPE '\'). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Links to papers, for server and browser alike (no dependencies).

/** Where a paper can be read: its own URL, else its arXiv abstract page, else its DOI; null if none. */
export function paperHref(p: {
  url?: string | null;
  arxivId?: string | null;
  doi?: string | null;
}): string | null {
  if (p.url && /^https?:\/\//i.test(p.url)) return p.url;
  if (p.arxivId) return `https://arxiv.org/abs/${p.arxivId}`;
  if (p.doi) return `https://doi.org/${p.doi}`;
  return null;
}

// What people paste to name a paper, recognised: arXiv ids in both styles, arxiv.org links, DOIs
// in their usual spellings and arXiv's own DataCite DOIs. Pure; shared by server and browser.

export type PaperIdentifier =
  { kind: "arxiv"; id: string; version: number | null } | { kind: "doi"; doi: string };

/** Longer than any identifier or link worth reading; a paste beyond this is refused, not parsed. */
export const IDENTIFIER_MAX = 2000;

// New style since 2007 (YYMM.NNNN, five digits from 2015) and old style (archive[.SUBJ]/YYMMNNN).
const ARXIV_NEW = /^(\d{4}\.\d{4,5})(?:v(\d{1,3}))?$/;
const ARXIV_OLD = /^([a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7})(?:v(\d{1,3}))?$/i;
const DOI = /^10\.\d{4,9}\/[^\s]+$/;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
const ARXIV_HOSTS = new Set(["arxiv.org", "www.arxiv.org", "export.arxiv.org"]);
const DOI_HOSTS = new Set(["doi.org", "dx.doi.org", "www.doi.org"]);

/** "arXiv:2304.13705v2" → { id: "2304.13705", version: 2 }; null when it is not an arXiv id. */
export function parseArxivId(value: string): { id: string; version: number | null } | null {
  const v = value
    .normalize("NFKC")
    .trim()
    .replace(/^arxiv:\s*/i, "");
  const m = ARXIV_NEW.exec(v) ?? ARXIV_OLD.exec(v);
  if (!m) return null;
  const version = m[2] ? Number(m[2]) : null;
  if (version === 0) return null;
  // Old-style archive names are lower case (math.GT keeps its subject class in capitals).
  const id = m[1]!.includes("/")
    ? m[1]!.replace(
        /^([^./]+)(\.[a-z]{2})?\//i,
        (_, a: string, s?: string) => `${a.toLowerCase()}${s ? s.toUpperCase() : ""}/`,
      )
    : m[1]!;
  return { id, version };
}

/** A DOI in any usual spelling, lower-cased (DOIs are case-insensitive); null when it is not one. */
export function normalizeDoi(value: string): string | null {
  let v = value
    .normalize("NFKC")
    .trim()
    .replace(/^doi:\s*/i, "");
  const url = asUrl(v);
  if (url) {
    if (!DOI_HOSTS.has(url.hostname.toLowerCase())) return null;
    v = safeDecode(url.pathname.slice(1));
  }
  return DOI.test(v) ? v.toLowerCase() : null;
}

/**
 * The identifier in what was pasted, or null (then the reader fills the form by hand). arXiv's
 * DataCite DOIs (10.48550/arXiv.…) are arXiv ids: the arXiv record is the richer one.
 */
export function recogniseIdentifier(input: string): PaperIdentifier | null {
  if (input.length > IDENTIFIER_MAX || hasControlCharacters(input)) return null;
  // Full-width digits and letters (typed with a Japanese keyboard) read as ASCII.
  const text = input.normalize("NFKC").trim();
  if (!text) return null;

  const url = asUrl(text);
  if (url && ARXIV_HOSTS.has(url.hostname.toLowerCase())) return arxivFromPath(url.pathname);

  const arxiv = parseArxivId(text);
  if (arxiv) return { kind: "arxiv", ...arxiv };

  const doi = normalizeDoi(text);
  if (!doi) return null;
  const viaDataCite = ARXIV_DOI.exec(doi);
  if (viaDataCite) {
    const id = parseArxivId(viaDataCite[1]!);
    if (id) return { kind: "arxiv", ...id };
  }
  return { kind: "doi", doi };
}

/** Control characters other than tab and line breaks: never part of an identifier. */
export function hasControlCharacters(value: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);
}

// arxiv.org/abs/<id>, /pdf/<id>[.pdf], /html/<id>, each with an optional version.
function arxivFromPath(pathname: string): PaperIdentifier | null {
  const m = /^\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/i.exec(safeDecode(pathname));
  if (!m) return null;
  const id = parseArxivId(m[1]!);
  return id ? { kind: "arxiv", ...id } : null;
}

function asUrl(value: string): URL | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The identifiers mentioned in free text (a "next paper" answer): arXiv ids with their prefix or
 * as arxiv.org links, DOIs and doi.org links. Bare numbers like 2304.13705 without "arXiv:" are
 * taken too when they stand alone on a line or in a list item. In order, without repeats.
 */
export function findIdentifiers(text: string): PaperIdentifier[] {
  const found: PaperIdentifier[] = [];
  const seen = new Set<string>();
  const add = (id: PaperIdentifier | null) => {
    if (!id) return;
    const key = id.kind === "arxiv" ? `arxiv:${id.id}` : `doi:${id.doi}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(id);
  };
  const candidates =
    /https?:\/\/[^\s<>()\]]+|arxiv:\s*[\w./-]+|\b10\.\d{4,9}\/[^\s<>()\]]+|(?:^|[\s(])(\d{4}\.\d{4,5}(?:v\d+)?)(?=$|[\s).,])/gim;
  for (const m of text.slice(0, 50_000).normalize("NFKC").matchAll(candidates)) {
    const raw = (m[1] ?? m[0]).trim().replace(/[.,;:]+$/, "");
    add(recogniseIdentifier(raw));
  }
  return found;
}

// A pasted BibTeX entry (Google Scholar's "Cite", a .bib file) read with a maintained BibTeX
// parser into a paper: identifier when it names one (eprint / DOI), otherwise its own fields.
import { parse } from "@retorquere/bibtex-parser";
import { parseArxivId, normalizeDoi, type PaperIdentifier } from "./identifiers";
import { AUTHORS_KEPT, PAPER_TITLE_MAX, collapseSpace } from "./schema";

export const BIBTEX_MAX = 20_000;

export type BibtexPaper = {
  identifier: PaperIdentifier | null;
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  url: string | null;
};

/** Whether a paste looks like BibTeX rather than an identifier. */
export function looksLikeBibtex(text: string): boolean {
  return /^\s*@\s*[a-z]+\s*[{(]/i.test(text);
}

function plain(value: string | undefined): string {
  // The parser marks up \textbf and friends as HTML; a paper's fields are plain text.
  return collapseSpace((value ?? "").replace(/<[^>]*>/g, "")).normalize("NFC");
}

/** The first entry of a BibTeX paste, or null when there is none or it does not parse. */
export function parseBibtex(text: string): BibtexPaper | null {
  if (text.length > BIBTEX_MAX || !looksLikeBibtex(text)) return null;
  let library;
  try {
    library = parse(text, { sentenceCase: false, caseProtection: false, applyCrossRef: false });
  } catch {
    return null;
  }
  const entry = library.entries[0];
  if (!entry || library.errors.length > 0) return null;
  const f = entry.fields;
  const title = plain(f.title);
  if (!title || title.length > PAPER_TITLE_MAX) return null;

  const eprint = plain(f.eprint);
  const prefix = plain(f.archiveprefix ?? f.eprinttype).toLowerCase();
  const arxivFromJournal = /arxiv:\s*(\S+)/i.exec(plain(f.journal) || plain(f.note));
  const arxiv =
    (eprint && (prefix === "" || prefix === "arxiv") ? parseArxivId(eprint) : null) ??
    (arxivFromJournal ? parseArxivId(arxivFromJournal[1]!) : null);
  const doi = f.doi ? normalizeDoi(plain(f.doi)) : null;
  const identifier: PaperIdentifier | null = arxiv
    ? { kind: "arxiv", ...arxiv }
    : doi
      ? { kind: "doi", doi }
      : null;

  const year = Number(plain(f.year ?? f.date).slice(0, 4));
  const url = plain(f.url);
  return {
    identifier,
    title,
    authors: (f.author ?? [])
      .map((c) => plain(c.name ?? [c.firstName, c.prefix, c.lastName].filter(Boolean).join(" ")))
      .filter(Boolean)
      .slice(0, AUTHORS_KEPT),
    year: Number.isInteger(year) && year >= 1600 && year <= 2200 ? year : null,
    venue: plain(f.booktitle ?? f.journal) || null,
    url: /^https?:\/\//i.test(url) && url.length <= 2000 ? url : null,
  };
}

// A paper from whatever was pasted to add it: an identifier (looked up) or a BibTeX entry (looked
// up by its eprint or DOI when it has one, else kept as written).
import "server-only";
import { looksLikeBibtex, parseBibtex } from "./bibtex";
import { recogniseIdentifier } from "./identifiers";
import { lookUpPaper } from "./lookup";
import { savePaperFromFields } from "./mutations";

export type PasteResult =
  | { ok: true; paperId: string }
  | { ok: false; reason: "unrecognised" | "notFound" | "unavailable" };

export async function paperFromPaste(text: string): Promise<PasteResult> {
  if (looksLikeBibtex(text)) {
    const bib = parseBibtex(text);
    if (!bib) return { ok: false, reason: "unrecognised" };
    if (bib.identifier) {
      const found = await lookUpPaper(bib.identifier);
      if (found.ok) return { ok: true, paperId: found.paper.id };
    }
    // No identifier, or the service could not confirm it: the entry as written.
    const paperId = await savePaperFromFields({
      title: bib.title,
      authors: bib.authors,
      year: bib.year ?? undefined,
      url: bib.url ?? undefined,
      arxivId:
        bib.identifier?.kind === "arxiv"
          ? { id: bib.identifier.id, version: bib.identifier.version }
          : undefined,
      doi: bib.identifier?.kind === "doi" ? bib.identifier.doi : undefined,
    });
    return { ok: true, paperId };
  }
  const identifier = recogniseIdentifier(text);
  if (!identifier) return { ok: false, reason: "unrecognised" };
  const found = await lookUpPaper(identifier);
  return found.ok ? { ok: true, paperId: found.paper.id } : found;
}

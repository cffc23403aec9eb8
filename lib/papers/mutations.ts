// Papers are shared by every group: one row per arXiv id or DOI, found again when another reader
// picks the same paper.
import "server-only";
import type { Tx } from "@/lib/groups/access";
import type { PaperInput } from "./schema";

export /** The paper's row id: the existing row for its arXiv id or DOI, or a new one. */
async function findOrCreatePaper(tx: Tx, input: PaperInput): Promise<string> {
  const data = {
    title: input.title,
    authors: JSON.stringify(input.authors),
    year: input.year ?? null,
    url: input.url ?? null,
    arxivId: input.arxivId?.id ?? null,
    arxivVersion: input.arxivId?.version ?? null,
    doi: input.doi ?? null,
  };
  const existing = input.arxivId
    ? await tx.paper.findUnique({ where: { arxivId: input.arxivId.id }, select: { id: true } })
    : input.doi
      ? await tx.paper.findUnique({ where: { doi: input.doi }, select: { id: true } })
      : null;
  if (existing) return existing.id;
  const paper = await tx.paper.create({ data, select: { id: true } });
  return paper.id;
}

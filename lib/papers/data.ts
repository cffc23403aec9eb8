// Reading papers: the look-up cache (records the services gave, found again by identifier).
import "server-only";
import { db } from "@/lib/db";
import { parseStringList } from "@/lib/ids";
import type { PaperIdentifier } from "./identifiers";
import type { LookedUpPaper } from "./schema";

export type StoredPaper = LookedUpPaper & { id: string };

/** The looked-up record for an identifier, or null when it was never looked up. */
export async function findLookedUp(identifier: PaperIdentifier): Promise<StoredPaper | null> {
  const row = await db.paper.findFirst({
    where: {
      ...(identifier.kind === "arxiv" ? { arxivId: identifier.id } : { doi: identifier.doi }),
      fetchedAt: { not: null },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    source: row.source === "doi" ? "doi" : "arxiv",
    title: row.title,
    authors: parseStringList(row.authors),
    year: row.year,
    venue: row.venue,
    arxivId: row.arxivId,
    arxivVersion: row.arxivVersion,
    doi: row.doi,
    url: row.url,
    abstract: row.abstract,
    primaryCategory: row.primaryCategory,
    journalRef: row.journalRef,
    publishedAt: row.publishedAt,
  };
}

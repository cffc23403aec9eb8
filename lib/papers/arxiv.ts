// The arXiv API's answers (Atom 1.0) read into a paper record. Every field is validated: a
// malformed or hostile feed is an error, never a half-record. Pure; the call is in lookup.ts.
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { parseArxivId } from "./identifiers";
import { AUTHORS_KEPT, PAPER_TITLE_MAX, collapseSpace, type LookedUpPaper } from "./schema";

export type ArxivAnswer =
  | { kind: "found"; paper: LookedUpPaper }
  | { kind: "notFound" }
  /** arXiv reports errors as a 200 feed with one entry titled "Error". */
  | { kind: "error"; message: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => ["entry", "author", "link", "category"].includes(name),
});

const text = z.union([z.string(), z.object({ "#text": z.string() }).transform((t) => t["#text"])]);

const entrySchema = z.object({
  id: text,
  title: text,
  summary: text.optional(),
  published: text.optional(),
  author: z
    .array(z.object({ name: text }))
    .max(10_000)
    .default([]),
  primary_category: z.object({ "@term": z.string().max(40) }).optional(),
  doi: text.optional(),
  journal_ref: text.optional(),
});

const feedSchema = z.object({
  feed: z.object({ entry: z.array(z.unknown()).max(50).optional() }),
});

export function parseArxivFeed(xml: string, requestedId: string): ArxivAnswer {
  let raw: unknown;
  try {
    raw = parser.parse(xml, true);
  } catch {
    throw new Error("The arXiv answer is not XML.");
  }
  const feed = feedSchema.safeParse(raw);
  if (!feed.success) throw new Error("The arXiv answer is not an Atom feed.");
  const entries = feed.data.feed.entry ?? [];
  if (entries.length === 0) return { kind: "notFound" };

  const parsedEntries = entries.map((e) => entrySchema.safeParse(e));
  const first = parsedEntries[0]!;
  if (
    first.success &&
    collapseSpace(first.data.title) === "Error" &&
    /\/errors#/.test(first.data.id)
  )
    return { kind: "error", message: collapseSpace(first.data.summary ?? "").slice(0, 300) };

  // The entry for the id asked for (an id_list query answers with that one entry).
  for (const parsed of parsedEntries) {
    if (!parsed.success) continue;
    const paper = toPaper(parsed.data);
    if (paper && paper.arxivId === requestedId) return { kind: "found", paper };
  }
  // arXiv answers an id that does not exist with an entry without id or title on some versions.
  if (parsedEntries.every((p) => !p.success || !collapseSpace(p.data.title)))
    return { kind: "notFound" };
  throw new Error("The arXiv answer does not hold the paper asked for.");
}

function toPaper(e: z.infer<typeof entrySchema>): LookedUpPaper | null {
  const m = /arxiv\.org\/abs\/(.+)$/.exec(e.id.trim());
  const id = m ? parseArxivId(m[1]!) : null;
  const title = collapseSpace(e.title);
  if (!id || !title || title.length > PAPER_TITLE_MAX) return null;
  const published = e.published ? new Date(e.published.trim()) : null;
  const publishedAt = published && !Number.isNaN(published.getTime()) ? published : null;
  const doi = e.doi ? collapseSpace(e.doi).toLowerCase() : null;
  return {
    source: "arxiv",
    title,
    authors: e.author
      .map((a) => collapseSpace(a.name))
      .filter((n) => n.length > 0 && n.length <= 200)
      .slice(0, AUTHORS_KEPT),
    year: publishedAt ? publishedAt.getUTCFullYear() : null,
    venue: null,
    arxivId: id.id,
    arxivVersion: id.version,
    doi: doi && /^10\.\d{4,9}\/\S+$/.test(doi) && doi.length <= 300 ? doi : null,
    url: null,
    abstract: e.summary ? collapseSpace(e.summary).slice(0, 10_000) || null : null,
    primaryCategory: e.primary_category?.["@term"] ?? null,
    journalRef: e.journal_ref ? collapseSpace(e.journal_ref).slice(0, 500) || null : null,
    publishedAt,
  };
}

/** The arXiv API query for one id. */
export function arxivQueryUrl(base: string, id: string): string {
  const url = new URL(base);
  url.searchParams.set("id_list", id);
  url.searchParams.set("max_results", "1");
  return url.toString();
}

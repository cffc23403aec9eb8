// DOI metadata read into a paper record: CSL-JSON from doi.org content negotiation (Crossref,
// DataCite, JaLC and other registries answer it), and Crossref's REST API as the fallback (its
// `message` has the same shape). Validated field by field; pure.
import { z } from "zod";
import { normalizeDoi } from "./identifiers";
import { AUTHORS_KEPT, PAPER_TITLE_MAX, collapseSpace, type LookedUpPaper } from "./schema";

const textOrList = z
  .union([z.string(), z.array(z.string()).max(20)])
  .transform((v) => (Array.isArray(v) ? (v[0] ?? "") : v));

const nameSchema = z.object({
  family: z.string().max(200).optional(),
  given: z.string().max(200).optional(),
  literal: z.string().max(300).optional(),
  name: z.string().max(300).optional(),
});

const dateSchema = z.object({
  "date-parts": z
    .array(z.array(z.union([z.number(), z.string()])).max(3))
    .max(2)
    .optional(),
});

export const cslSchema = z.object({
  title: textOrList,
  subtitle: textOrList.optional(),
  author: z.array(nameSchema).max(10_000).optional(),
  issued: dateSchema.optional(),
  published: dateSchema.optional(),
  "published-print": dateSchema.optional(),
  "published-online": dateSchema.optional(),
  "container-title": textOrList.optional(),
  publisher: z.string().max(500).optional(),
  URL: z.string().max(2000).optional(),
  DOI: z.string().max(300).optional(),
});

const crossrefSchema = z.object({ status: z.literal("ok"), message: z.unknown() });

// CJK names are written family name first, without reordering.
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

function personName(n: z.infer<typeof nameSchema>): string {
  if (n.literal || n.name) return collapseSpace(n.literal ?? n.name ?? "");
  const family = collapseSpace(n.family ?? "");
  const given = collapseSpace(n.given ?? "");
  if (CJK.test(family + given)) return collapseSpace(`${family} ${given}`);
  return collapseSpace(`${given} ${family}`);
}

function yearOf(...dates: (z.infer<typeof dateSchema> | undefined)[]): number | null {
  for (const d of dates) {
    const y = Number(d?.["date-parts"]?.[0]?.[0]);
    if (Number.isInteger(y) && y >= 1600 && y <= 2200) return y;
  }
  return null;
}

/** A CSL-JSON record as a paper; throws when it is not one (no title, a hostile size). */
export function parseCsl(json: unknown, requestedDoi: string): LookedUpPaper {
  const parsed = cslSchema.safeParse(json);
  if (!parsed.success) throw new Error("The DOI answer is not CSL-JSON.");
  const c = parsed.data;
  const main = collapseSpace(c.title);
  const sub = collapseSpace(c.subtitle ?? "");
  const title = sub && main && !main.includes(sub) ? `${main}: ${sub}` : main;
  if (!title || title.length > PAPER_TITLE_MAX)
    throw new Error("The DOI answer has no usable title.");
  const doi = (c.DOI && normalizeDoi(c.DOI)) || requestedDoi;
  const url = c.URL && /^https?:\/\//i.test(c.URL) ? c.URL : `https://doi.org/${doi}`;
  return {
    source: "doi",
    title,
    authors: (c.author ?? [])
      .map(personName)
      .filter((n) => n.length > 0)
      .slice(0, AUTHORS_KEPT),
    year: yearOf(c.issued, c.published, c["published-print"], c["published-online"]),
    venue: c["container-title"] ? collapseSpace(c["container-title"]).slice(0, 500) || null : null,
    arxivId: null,
    arxivVersion: null,
    doi,
    url,
    abstract: null,
    primaryCategory: null,
    journalRef: null,
    publishedAt: null,
  };
}

/** Crossref's REST answer ({ status, message }) as a paper. */
export function parseCrossref(json: unknown, requestedDoi: string): LookedUpPaper {
  const parsed = crossrefSchema.safeParse(json);
  if (!parsed.success) throw new Error("The Crossref answer is not a work.");
  return parseCsl(parsed.data.message, requestedDoi);
}

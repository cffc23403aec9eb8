// A reading's paper as people see it: the shared record with the reader's own corrections on top.
// Pure; used by every screen that names a paper.
import { z } from "zod";
import { parseStringList } from "@/lib/ids";
import { paperHref } from "./links";

/** What a reader typed or corrected about their paper, kept on their reading. */
export const overridesSchema = z
  .object({
    title: z.string().max(500).optional(),
    authors: z.array(z.string().max(300)).max(100).optional(),
    year: z.number().int().nullable().optional(),
    url: z.string().max(2000).nullable().optional(),
  })
  .strict();
export type PaperOverrides = z.infer<typeof overridesSchema>;

/** The shared record's fields showPaper reads: select these from Prisma to show a paper. */
export const shownPaperSelect = {
  title: true,
  authors: true,
  year: true,
  venue: true,
  url: true,
  arxivId: true,
  doi: true,
} as const;

export type SharedPaper = {
  title: string;
  authors: string;
  year: number | null;
  venue?: string | null;
  url: string | null;
  arxivId: string | null;
  arxivVersion?: number | null;
  doi: string | null;
};

export type ShownPaper = {
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  url: string | null;
  arxivId: string | null;
  doi: string | null;
  /** Where to read it (the abstract page when known). */
  href: string | null;
  /** arXiv's PDF and HTML renderings, for arXiv papers. */
  pdfHref: string | null;
  htmlHref: string | null;
};

export function parseOverrides(json: string | null | undefined): PaperOverrides | null {
  if (!json) return null;
  try {
    const parsed = overridesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// arXiv renders HTML for papers submitted from December 2023 (new-style ids from 2312 on).
function hasArxivHtml(id: string): boolean {
  const m = /^(\d{2})(\d{2})\./.exec(id);
  return m !== null && Number(m[1]) * 100 + Number(m[2]) >= 2312;
}

export function showPaper(paper: SharedPaper, overridesJson?: string | null): ShownPaper {
  const o = parseOverrides(overridesJson) ?? {};
  const shown = {
    title: o.title ?? paper.title,
    authors: o.authors ?? parseStringList(paper.authors),
    year: o.year !== undefined ? o.year : paper.year,
    venue: paper.venue ?? null,
    url: o.url !== undefined ? o.url : paper.url,
    arxivId: paper.arxivId,
    doi: paper.doi,
  };
  return {
    ...shown,
    href: paperHref(shown),
    pdfHref: shown.arxivId ? `https://arxiv.org/pdf/${shown.arxivId}` : null,
    htmlHref:
      shown.arxivId && hasArxivHtml(shown.arxivId)
        ? `https://arxiv.org/html/${shown.arxivId}`
        : null,
  };
}

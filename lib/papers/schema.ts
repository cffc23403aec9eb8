// A paper as a reader enters it: title, authors, year, URL, arXiv id, DOI — and the rules that
// turn what people paste into canonical identifiers.
import { z } from "zod";
import { optionalIntField } from "@/lib/number-field";
import { normalizeDoi, parseArxivId } from "./identifiers";

import { PAPER_TITLE_MAX } from "./constants";
export { PAPER_TITLE_MAX } from "./constants";

export const paperSchema = z.object({
  title: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "paperTitleRequired" })
    .max(PAPER_TITLE_MAX, { error: "paperTitleTooLong" }),
  authors: z
    .string()
    .max(5000, { error: "tooLong" })
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\n|;|,(?![^(]*\))/)
        .map((a) => a.trim())
        .filter(Boolean)
        .slice(0, 100),
    ),
  year: optionalIntField(1900, 2100, {
    invalid: "yearInvalid",
    small: "yearInvalid",
    large: "yearInvalid",
  }),
  url: z
    .union(
      [
        z.literal("").transform(() => undefined),
        z.url({ protocol: /^https?$/, error: "urlInvalid" }).max(2000, { error: "urlInvalid" }),
      ],
      { error: "urlInvalid" },
    )
    .optional(),
  arxivId: z
    .string()
    .trim()
    .max(40, { error: "arxivInvalid" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const parsed = parseArxivId(v);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "arxivInvalid" });
        return z.NEVER;
      }
      return parsed;
    }),
  doi: z
    .string()
    .trim()
    .max(300, { error: "doiInvalid" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const doi = normalizeDoi(v);
      if (!doi) {
        ctx.addIssue({ code: "custom", message: "doiInvalid" });
        return z.NEVER;
      }
      return doi;
    }),
});
export type PaperInput = z.infer<typeof paperSchema>;

/** A paper's metadata as a look-up service gave it, validated and tidied. */
export type LookedUpPaper = {
  source: "arxiv" | "doi";
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  arxivId: string | null;
  arxivVersion: number | null;
  doi: string | null;
  url: string | null;
  abstract: string | null;
  primaryCategory: string | null;
  journalRef: string | null;
  publishedAt: Date | null;
};

/** At most this many author names are kept (collaborations list thousands). */
export const AUTHORS_KEPT = 100;

/** Collapses runs of whitespace (arXiv hard-wraps titles) and trims. */
export function collapseSpace(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

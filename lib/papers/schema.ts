// A paper as a reader enters it: title, authors, year, URL, arXiv id, DOI — and the rules that
// turn what people paste into canonical identifiers.
import { z } from "zod";

export const PAPER_TITLE_MAX = 500;

const ARXIV_ID = /^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v(\d+))?$/i;
const DOI = /^10\.\d{4,9}\/\S+$/;

/** "arXiv:2304.13705v2" → { id: "2304.13705", version: 2 }; null when it is not an arXiv id. */
export function parseArxivId(value: string): { id: string; version: number | null } | null {
  const m = ARXIV_ID.exec(value.trim());
  if (!m) return null;
  return { id: m[1]!.toLowerCase(), version: m[2] ? Number(m[2]) : null };
}

export function normalizeDoi(value: string): string | null {
  const v = value
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, "")
    .replace(/^doi:/i, "");
  return DOI.test(v) ? v.toLowerCase() : null;
}

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
  year: z
    .union(
      [
        z.literal("").transform(() => undefined),
        z.coerce
          .number({ error: "yearInvalid" })
          .int({ error: "yearInvalid" })
          .min(1900, { error: "yearInvalid" })
          .max(2100, { error: "yearInvalid" }),
      ],
      { error: "yearInvalid" },
    )
    .optional(),
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

// A reading's paper as a PDF, for the reading room: fetched by the server from arXiv or the
// paper's link (lib/papers/pdf.ts) and served from this instance's cache. Members of the meeting's
// group only (404 for anyone else); a paper without a fetchable PDF is a 404 or 502 with a reason
// the panel explains, next to the link to open it elsewhere.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { route } from "@/lib/http";
import { cachedPdf, pdfSourceOf, type PdfFailure } from "@/lib/papers/pdf";
import { getReadingPaperForMember } from "@/lib/readings/data";

export const dynamic = "force-dynamic";

const messages: Record<PdfFailure, string> = {
  noPdf: "This paper has no PDF link.",
  notPdf: "The paper's link does not answer with a PDF.",
  tooLarge: "The PDF is larger than 50 MB.",
  refused: "The paper's link points somewhere the server may not fetch from.",
  unavailable: "The PDF could not be fetched just now.",
};

function failure(reason: PdfFailure): Response {
  return Response.json(
    { error: { code: "PDF_UNAVAILABLE", reason, message: messages[reason] } },
    {
      status: reason === "noPdf" ? 404 : 502,
      headers: { "Cache-Control": "no-store" },
    },
  );
}

export const GET = route(
  { params: z.object({ readingId: idSchema }) },
  async ({ userId, params: { readingId } }) => {
    const paper = await getReadingPaperForMember(readingId, userId);
    if (!paper) throw new AppError("NOT_FOUND", "No such reading.");
    const source = pdfSourceOf(paper, env().pdf.arxivPdfUrl);
    if (!source) return failure("noPdf");
    const pdf = await cachedPdf(source);
    if (!pdf.ok) return failure(pdf.reason);
    const name = (paper.arxivId ?? "paper").replace(/[^A-Za-z0-9._-]/g, "_");
    return new Response(Readable.toWeb(createReadStream(pdf.file)) as ReadableStream, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.size),
        "Content-Disposition": `inline; filename="${name}.pdf"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
      },
    });
  },
);

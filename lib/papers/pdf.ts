// A paper's PDF for the reading room, fetched by the server (browsers cannot fetch arXiv's PDFs
// across origins): from arXiv for arXiv papers (ARXIV_PDF_URL, spaced like every arXiv request),
// else from the paper's own link when it has one — through the address guard, since people type
// those. At most 50 MB, 30 s, a PDF content type and the %PDF signature; kept on this instance's
// disk (a cache, not state: any instance can fetch it again).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { env } from "@/lib/env";
import { GetRefused, guardedGet } from "@/lib/net/guarded-get";
import { reserveCall } from "./mutations";

export const PDF_MAX_BYTES = 50 * 1024 * 1024;
const TIMEOUT_MS = 30_000;
// How long a reader may wait for arXiv's turn before the panel says to try again.
const MAX_ARXIV_WAIT_MS = 10_000;
// The cache keeps this many PDFs; past it the least recently fetched go first.
const CACHE_FILES = 300;

export type PdfSource = { url: string; arxiv: boolean };

export type PdfFailure =
  | "noPdf" // the paper has no PDF link
  | "notPdf" // the link answered something other than a PDF
  | "tooLarge"
  | "refused" // the address may not be fetched (private network, bad scheme)
  | "unavailable"; // not found, offline, slow, or a server error

export type PdfOutcome =
  { ok: true; file: string; size: number } | { ok: false; reason: PdfFailure };

/** Where a paper's PDF comes from, or null when it has no PDF to offer. */
export function pdfSourceOf(
  paper: { arxivId: string | null; arxivVersion?: number | null; url: string | null },
  arxivPdfUrl: string,
): PdfSource | null {
  if (paper.arxivId) {
    const version = paper.arxivVersion ? `v${paper.arxivVersion}` : "";
    return { url: `${arxivPdfUrl}/${paper.arxivId}${version}`, arxiv: true };
  }
  if (paper.url && /^https?:\/\//i.test(paper.url)) return { url: paper.url, arxiv: false };
  return null;
}

/** Whether a response's Content-Type can be a PDF (servers often send octet-stream). */
export function isPdfContentType(value: string | undefined): boolean {
  const type = (value ?? "").split(";")[0]!.trim().toLowerCase();
  return [
    "application/pdf",
    "application/x-pdf",
    "application/octet-stream",
    "binary/octet-stream",
  ].includes(type);
}

/** Whether the first bytes of a file are a PDF's: "%PDF-" within the first 1024 bytes. */
export function hasPdfSignature(head: Buffer): boolean {
  return head.subarray(0, 1024).includes("%PDF-");
}

const inFlight = new Map<string, Promise<PdfOutcome>>();

/** The PDF at `source` as a file on this instance's disk, fetched once. */
export function cachedPdf(source: PdfSource): Promise<PdfOutcome> {
  const { cacheDir } = env().pdf;
  const file = join(cacheDir, `${createHash("sha256").update(source.url).digest("hex")}.pdf`);
  const running = inFlight.get(file);
  if (running) return running;
  const work = (async (): Promise<PdfOutcome> => {
    const found = await stat(file).catch(() => null);
    if (found) return { ok: true, file, size: found.size };
    await mkdir(cacheDir, { recursive: true });
    const outcome = await download(source, file);
    if (outcome.ok) void evictOld(cacheDir);
    return outcome;
  })().finally(() => inFlight.delete(file));
  inFlight.set(file, work);
  return work;
}

async function download(source: PdfSource, file: string): Promise<PdfOutcome> {
  const { pdf, lookup } = env();
  if (source.arxiv) {
    const slot = await reserveCall("arxiv", lookup.arxivIntervalMs, new Date());
    const wait = slot.getTime() - Date.now();
    if (wait > MAX_ARXIV_WAIT_MS) return { ok: false, reason: "unavailable" };
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const allowPrivateOrigins = [
    ...pdf.allowPrivateOrigins,
    // The configured arXiv address is the operator's choice, not a reader's.
    ...(source.arxiv ? [new URL(pdf.arxivPdfUrl).origin] : []),
  ];
  const partial = `${file}.${randomBytes(6).toString("hex")}.part`;
  try {
    const { response } = await guardedGet(source.url, {
      allowPrivateOrigins,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        Accept: "application/pdf",
        "User-Agent": `Yomikai/0.1 (paper-reading sessions; reading room${lookup.contact ? `; mailto:${lookup.contact.replace(/^mailto:/, "")}` : ""})`,
      },
    });
    if (response.statusCode !== 200) {
      response.resume();
      return { ok: false, reason: "unavailable" };
    }
    if (!isPdfContentType(response.headers["content-type"])) {
      response.resume();
      return { ok: false, reason: "notPdf" };
    }
    if (Number(response.headers["content-length"] ?? 0) > PDF_MAX_BYTES) {
      response.destroy();
      return { ok: false, reason: "tooLarge" };
    }
    const out = createWriteStream(partial);
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > PDF_MAX_BYTES) {
          response.destroy();
          return { ok: false, reason: "tooLarge" };
        }
        if (head.length < 1024) {
          head = Buffer.concat([head, chunk]).subarray(0, 1024);
          if (head.length >= 1024 && !hasPdfSignature(head)) {
            response.destroy();
            return { ok: false, reason: "notPdf" };
          }
        }
        if (!out.write(chunk))
          await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      }
    } finally {
      await new Promise<void>((resolve) => out.end(() => resolve()));
    }
    if (!hasPdfSignature(head)) return { ok: false, reason: "notPdf" };
    await rename(partial, file);
    return { ok: true, file, size };
  } catch (error) {
    if (error instanceof GetRefused)
      return {
        ok: false,
        reason:
          error.reason === "privateAddress" || error.reason === "badAddress"
            ? "refused"
            : "unavailable",
      };
    console.warn(`PDF not fetched (${source.url}):`, (error as Error).message);
    return { ok: false, reason: "unavailable" };
  } finally {
    await rm(partial, { force: true });
  }
}

/** Keeps the cache to CACHE_FILES files, removing the oldest first. */
async function evictOld(dir: string) {
  try {
    const names = (await readdir(dir)).filter((n) => n.endsWith(".pdf"));
    if (names.length <= CACHE_FILES) return;
    const dated = await Promise.all(
      names.map(async (n) => ({
        n,
        t: (await stat(join(dir, n)).catch(() => null))?.mtimeMs ?? 0,
      })),
    );
    dated.sort((a, b) => a.t - b.t);
    for (const { n } of dated.slice(0, names.length - CACHE_FILES))
      await rm(join(dir, n), { force: true });
  } catch {
    // A cache that cannot be tidied is still a cache.
  }
}

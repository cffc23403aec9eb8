// Looking a paper up by identifier: the database first (a second look-up costs no request), then
// the arXiv API or doi.org (Crossref's API when doi.org fails). Every call has a 5 s timeout and
// a descriptive User-Agent; arXiv's one request per 3 s holds across all instances. A service
// that is down, slow or unreachable is an answer ("unavailable"), never an exception: the reader
// then fills the form by hand.
import "server-only";
import { env } from "@/lib/env";
import { arxivQueryUrl, parseArxivFeed } from "./arxiv";
import { parseCrossref, parseCsl } from "./csl";
import { findLookedUp, type StoredPaper } from "./data";
import type { PaperIdentifier } from "./identifiers";
import { reserveCall, storeLookedUp } from "./mutations";

export const LOOKUP_TIMEOUT_MS = 5_000;
// A look-up that would wait longer than this for its turn at arXiv gives up (the reader is
// waiting); the form stays usable by hand.
const MAX_QUEUE_MS = 6_000;
const MAX_BODY_BYTES = 1_000_000;

export type LookupResult =
  | { ok: true; paper: StoredPaper; cached: boolean }
  | { ok: false; reason: "notFound" | "unavailable" };

export async function lookUpPaper(identifier: PaperIdentifier): Promise<LookupResult> {
  const cached = await findLookedUp(identifier);
  if (cached) return { ok: true, paper: cached, cached: true };
  try {
    const found =
      identifier.kind === "arxiv" ? await fromArxiv(identifier.id) : await fromDoi(identifier.doi);
    if (!found) return { ok: false, reason: "notFound" };
    return { ok: true, paper: await storeLookedUp(found, new Date()), cached: false };
  } catch (error) {
    console.warn(`Paper look-up failed (${describe(identifier)}):`, (error as Error).message);
    return { ok: false, reason: "unavailable" };
  }
}

async function fromArxiv(id: string) {
  const slot = await reserveCall("arxiv", env().lookup.arxivIntervalMs, new Date());
  const wait = slot.getTime() - Date.now();
  if (wait > MAX_QUEUE_MS) throw new Error("arXiv's rate limit queue is too long");
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const response = await call(arxivQueryUrl(env().lookup.arxivApiUrl, id), "application/atom+xml");
  if (!response.ok) throw new Error(`arXiv answered ${response.status}`);
  const answer = parseArxivFeed(await readBody(response), id);
  if (answer.kind === "found") return answer.paper;
  // arXiv's error entries are about the id ("incorrect id format"): nothing to find.
  return null;
}

async function fromDoi(doi: string) {
  const { doiResolverUrl, crossrefApiUrl } = env().lookup;
  const path = doi.split("/").map(encodeURIComponent).join("/");
  try {
    const response = await call(
      `${doiResolverUrl}/${path}`,
      "application/vnd.citationstyles.csl+json",
    );
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`doi.org answered ${response.status}`);
    return parseCsl(JSON.parse(await readBody(response)), doi);
  } catch (error) {
    // doi.org down or its registry's answer unusable: ask Crossref directly.
    const response = await call(`${crossrefApiUrl}/works/${path}`, "application/json").catch(() => {
      throw error;
    });
    if (response.status === 404) throw error;
    if (!response.ok) throw new Error(`Crossref answered ${response.status}`);
    return parseCrossref(JSON.parse(await readBody(response)), doi);
  }
}

function call(url: string, accept: string): Promise<Response> {
  const contact = env().lookup.contact;
  return fetch(url, {
    headers: {
      Accept: accept,
      "User-Agent": `Yomikai/0.1 (paper-reading sessions; paper look-up${contact ? `; mailto:${contact.replace(/^mailto:/, "")}` : ""})`,
    },
    redirect: "follow",
    signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    cache: "no-store",
  });
}

/** The body as text, refusing anything larger than a paper's record could be. */
async function readBody(response: Response): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new Error("The answer is too large");
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new Error("The answer is too large");
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function describe(identifier: PaperIdentifier): string {
  return identifier.kind === "arxiv" ? `arXiv ${identifier.id}` : `DOI ${identifier.doi}`;
}

// Paper writes. The shared record of an arXiv id or DOI is written by look-ups; a reader's own
// typing is kept on their reading as corrections, so nobody's typing renames a paper for others.
import "server-only";
import { db, type Db } from "@/lib/db";
import type { Tx } from "@/lib/groups/access";
import { parseStringList } from "@/lib/ids";
import type { PaperOverrides } from "./display";
import type { LookedUpPaper, PaperInput } from "./schema";
import type { StoredPaper } from "./data";

/**
 * The paper a reader's input names, and what they typed that differs from its shared record.
 * With an identifier: its shared row (made from the typing, unverified, when it was never looked
 * up). Without one: a row of its own.
 */
export async function resolvePaper(
  tx: Tx,
  input: PaperInput,
): Promise<{ paperId: string; overrides: string | null }> {
  const typed = {
    title: input.title,
    authors: JSON.stringify(input.authors),
    year: input.year ?? null,
    url: input.url ?? null,
  };
  const where = input.arxivId
    ? { arxivId: input.arxivId.id }
    : input.doi
      ? { doi: input.doi }
      : null;
  if (!where) {
    const paper = await tx.paper.create({ data: typed, select: { id: true } });
    return { paperId: paper.id, overrides: null };
  }
  const existing = await tx.paper.findUnique({
    where,
    select: { id: true, title: true, authors: true, year: true, url: true },
  });
  if (!existing) {
    // Never looked up (the services were unreachable): the row holds the identifier and this
    // typing until a look-up replaces it; the typing itself stays on the reading.
    const created = await tx.paper.create({
      data: {
        ...typed,
        arxivId: input.arxivId?.id ?? null,
        arxivVersion: input.arxivId?.version ?? null,
        doi: input.arxivId ? null : (input.doi ?? null),
      },
      select: { id: true },
    });
    const o: PaperOverrides = { title: typed.title };
    if (input.authors.length > 0) o.authors = input.authors;
    if (typed.year !== null) o.year = typed.year;
    if (typed.url !== null) o.url = typed.url;
    return { paperId: created.id, overrides: JSON.stringify(o) };
  }
  const shared = existing;
  const o: PaperOverrides = {};
  if (typed.title !== shared.title) o.title = typed.title;
  if (
    input.authors.length > 0 &&
    JSON.stringify(input.authors) !== JSON.stringify(parseStringList(shared.authors))
  )
    o.authors = input.authors;
  if (typed.year !== null && typed.year !== shared.year) o.year = typed.year;
  if (typed.url !== null && typed.url !== shared.url) o.url = typed.url;
  return { paperId: shared.id, overrides: Object.keys(o).length ? JSON.stringify(o) : null };
}

/** Stores what a look-up service answered as the shared record of its identifier. */
export async function storeLookedUp(paper: LookedUpPaper, now: Date): Promise<StoredPaper> {
  const data = {
    title: paper.title,
    authors: JSON.stringify(paper.authors),
    year: paper.year,
    venue: paper.venue,
    arxivVersion: paper.arxivVersion,
    url: paper.url,
    abstract: paper.abstract,
    primaryCategory: paper.primaryCategory,
    journalRef: paper.journalRef,
    publishedAt: paper.publishedAt,
    fetchedAt: now,
    source: paper.source,
  };
  return db.$transaction(async (tx) => {
    let doi = paper.doi;
    if (paper.source === "arxiv" && doi) {
      // The publisher's DOI may already name another record (looked up by DOI): keep that one's.
      const other = await tx.paper.findUnique({ where: { doi }, select: { arxivId: true } });
      if (other && other.arxivId !== paper.arxivId) doi = null;
    }
    const where = paper.source === "arxiv" ? { arxivId: paper.arxivId! } : { doi: paper.doi! };
    const row = await tx.paper.upsert({
      where,
      create: { ...data, arxivId: paper.arxivId, doi },
      update: { ...data, ...(doi ? { doi } : {}) },
      select: { id: true },
    });
    return { ...paper, doi, id: row.id };
  });
}

/**
 * Reserves the next moment a call to an outside service may go out, spaced `intervalMs` apart
 * across every app instance sharing the database: a compare-and-set on the gate's next time, so
 * two instances never take the same slot. Returns the reserved moment (now, or later: wait).
 */
export async function reserveCall(
  key: string,
  intervalMs: number,
  now: Date,
  client: Db = db,
): Promise<Date> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const gate = await client.rateGate.findUnique({ where: { key } });
    if (!gate) {
      try {
        await client.rateGate.create({
          data: { key, nextAt: new Date(now.getTime() + intervalMs) },
        });
        return now;
      } catch {
        continue; // Another instance made the gate first: read it again.
      }
    }
    const slot = gate.nextAt > now ? gate.nextAt : now;
    const { count } = await client.rateGate.updateMany({
      where: { key, nextAt: gate.nextAt },
      data: { nextAt: new Date(slot.getTime() + intervalMs) },
    });
    if (count === 1) return slot;
  }
  throw new Error(`The rate gate ${key} is contended beyond reason.`);
}

/** A paper from its fields (a BibTeX entry), by identifier when it has one. Returns its id. */
export async function savePaperFromFields(input: PaperInput): Promise<string> {
  return db.$transaction(async (tx) => (await resolvePaper(tx, input)).paperId);
}

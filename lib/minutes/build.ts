// The minutes (議事録) of a meeting as a published write-up: heading, overview, each reader's
// section, closing remarks and a numbered reference list — built from plain data, in the page's
// language (labels are passed in). Pure: the page, the exports and the tests all use it.
import type { AnswerKey } from "@/lib/readings/schema";
import { renumberCitations, rewriteImageAddresses } from "@/lib/readings/images";

export type MinutesPaper = {
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  arxivId: string | null;
  doi: string | null;
  url: string | null;
  codeUrl: string | null;
  primaryCategory?: string | null;
};

export type MinutesReader = {
  /** The reader as shown: full name, or initials (see `shownName`). */
  name: string;
  paper: MinutesPaper;
  gist: string;
  /** The answers in template order; empty ones are left out. */
  answers: { key: AnswerKey; text: string }[];
};

export type MinutesLabels = {
  session: string;
  participants: string;
  overview: string;
  remarks: string;
  references: string;
  code: string;
  questions: Record<AnswerKey, string>;
};

export type Minutes = {
  /** `<date> <group name>`. */
  title: string;
  /** "第9回 · 参加者 3 名" / "Session 9 · 3 participants". */
  subtitle: string;
  readers: (MinutesReader & { ref: number })[];
  remarks: string;
  references: { n: number; text: string; paper: MinutesPaper }[];
  labels: MinutesLabels;
};

/** "W-san" / "Wさん": a reader by the first letter of their name, for published minutes. */
export function initialsName(name: string, locale: string): string {
  const first = [...name.trim()][0]?.toUpperCase() ?? "?";
  return locale === "ja" ? `${first}さん` : `${first}-san`;
}

function paperKey(p: MinutesPaper): string {
  if (p.arxivId) return `arxiv:${p.arxivId}`;
  if (p.doi) return `doi:${p.doi}`;
  if (p.url) return `url:${p.url}`;
  return `title:${p.title.toLowerCase()}`;
}

/** Ends a part of a reference with a full stop unless it already ends in punctuation. */
function sentence(text: string): string {
  return /[.?!。？！]$/.test(text) ? text : `${text}.`;
}

/**
 * One reference: `Authors. (Year). Title. arXiv preprint arXiv:<id>. Available: <abs url>` for
 * arXiv papers; `Authors. (Year). Title. Venue. https://doi.org/<doi>` for DOIs;
 * `… Available: <url>` for a URL alone.
 */
export function formatReference(n: number, p: MinutesPaper): string {
  const parts: string[] = [];
  if (p.authors.length) parts.push(sentence(p.authors.join(", ")));
  if (p.year) parts.push(`(${p.year}).`);
  parts.push(sentence(p.title));
  if (p.arxivId) {
    parts.push(`arXiv preprint arXiv:${p.arxivId}.`);
    parts.push(`Available: https://arxiv.org/abs/${p.arxivId}`);
  } else if (p.doi) {
    if (p.venue) parts.push(sentence(p.venue));
    parts.push(`https://doi.org/${p.doi}`);
  } else {
    if (p.venue) parts.push(sentence(p.venue));
    if (p.url) parts.push(`Available: ${p.url}`);
  }
  return `[${n}] ${parts.join(" ")}`;
}

export function buildMinutes(input: {
  title: string;
  subtitle: string;
  readers: MinutesReader[];
  remarks: string;
  labels: MinutesLabels;
}): Minutes {
  const numbers = new Map<string, number>();
  const references: Minutes["references"] = [];
  const readers = input.readers.map((r) => {
    const key = paperKey(r.paper);
    let ref = numbers.get(key);
    if (ref === undefined) {
      ref = numbers.size + 1;
      numbers.set(key, ref);
      references.push({ n: ref, text: formatReference(ref, r.paper), paper: r.paper });
    }
    // Credits under quoted figures name the reader's own paper: its number here, whatever it was
    // when the figure was quoted.
    const answers = r.answers
      .filter((a) => a.text.trim() !== "")
      .map((a) => ({ ...a, text: renumberCitations(a.text, ref) }));
    return { ...r, answers, ref };
  });
  return {
    title: input.title,
    subtitle: input.subtitle,
    readers,
    remarks: input.remarks.trim(),
    references,
    labels: input.labels,
  };
}

/** Keeps a one-line value on one line (titles, gists and names go into headings and list items). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The minutes as one Markdown document, as a blog or Zenn expects it. */
export function minutesMarkdown(m: Minutes): string {
  const out: string[] = [`# ${oneLine(m.title)}`, "", m.subtitle, ""];
  out.push(`## ${m.labels.overview}`, "");
  for (const r of m.readers) {
    out.push(`- ${oneLine(r.paper.title)} [${r.ref}]`);
    if (r.gist.trim()) out.push(`  - ${oneLine(r.gist)}`);
  }
  out.push("");
  for (const r of m.readers) {
    out.push(`## ${oneLine(r.name)}`, "");
    out.push(`**${oneLine(r.paper.title)}** [${r.ref}]`);
    if (r.paper.codeUrl) out.push("", `${m.labels.code}: ${r.paper.codeUrl}`);
    out.push("");
    for (const a of r.answers) {
      out.push(`### ${m.labels.questions[a.key]}`, "", a.text.trim(), "");
    }
  }
  if (m.remarks) out.push(`## ${m.labels.remarks}`, "", m.remarks, "");
  out.push(`## ${m.labels.references}`, "");
  for (const ref of m.references) out.push(ref.text, "");
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

/**
 * The minutes with every image address in the readers' answers rewritten by `to` (an export's
 * file path, the public link's address); an image `to` does not know is left as it is.
 */
export function withImages(minutes: Minutes, to: (id: string) => string | null): Minutes {
  return {
    ...minutes,
    readers: minutes.readers.map((r) => ({
      ...r,
      answers: r.answers.map((a) => ({
        ...a,
        text: rewriteImageAddresses(a.text, (id) => to(id) ?? `/api/images/${id}`),
      })),
    })),
  };
}

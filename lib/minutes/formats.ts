// The minutes' exports, as files: Markdown, a Zenn article, BibTeX of the papers and JSON of the
// meeting (with its JSON Schema). Pure.
import { z } from "zod";
import { answerKeys } from "@/lib/readings/schema";
import { minutesMarkdown, type Minutes, type MinutesPaper } from "./build";

// ---- Zenn ------------------------------------------------------------------------------------

// arXiv categories as Zenn topics (lowercase letters, digits and hyphens; at most five).
const topicOf: Record<string, string> = {
  "cs.LG": "machinelearning",
  "stat.ML": "machinelearning",
  "cs.CV": "computervision",
  "cs.CL": "nlp",
  "cs.RO": "robotics",
  "cs.AI": "ai",
  "cs.NE": "deeplearning",
  "cs.IR": "search",
  "cs.SD": "audio",
  "eess.AS": "audio",
  "cs.CR": "security",
  "cs.DC": "distributedsystems",
};

export function zennTopics(categories: (string | null | undefined)[]): string[] {
  const topics = ["paper"];
  for (const c of categories) {
    const topic = c ? topicOf[c] : undefined;
    if (topic && !topics.includes(topic)) topics.push(topic);
  }
  return topics.slice(0, 5);
}

/** A Zenn article slug: 12–50 characters of a–z, 0–9, hyphen and underscore. */
export function zennSlug(groupSlug: string, number: number, date: Date): string {
  const day = date.toISOString().slice(0, 10).replace(/-/g, "");
  const group = groupSlug
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const slug = `${group.slice(0, 30)}-${number}-${day}`.replace(/^-+/, "");
  return (slug.length >= 12 ? slug : `yomikai-${slug}`).slice(0, 50);
}

export function zennArticle(
  minutes: Minutes,
  options: { topics: string[]; publication: string | null },
): string {
  const front = [
    "---",
    `title: ${JSON.stringify(`${minutes.title} ${minutes.labels.session}`)}`,
    `emoji: "📚"`,
    `type: "tech"`,
    `topics: [${options.topics.map((t) => JSON.stringify(t)).join(", ")}]`,
    "published: false",
    ...(options.publication ? [`publication_name: ${JSON.stringify(options.publication)}`] : []),
    "---",
    "",
  ];
  // Zenn shows the title from the front matter: the body starts after the H1.
  const body = minutesMarkdown(minutes).replace(/^# .*\n\n/, "");
  return front.join("\n") + body;
}

// ---- BibTeX ----------------------------------------------------------------------------------

const bibSpecial: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Escapes what BibTeX and biber read as syntax inside a braced value (one pass). */
export function bibEscape(value: string): string {
  return value.replace(/[\\{}&%$#_~^]/g, (c) => bibSpecial[c]!);
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** "Tony Z. Zhao" → "Zhao, Tony Z."; CJK names are family name first already. */
export function bibName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return `{${bibEscape(name.trim())}}`;
  if (CJK.test(name)) return `${bibEscape(parts[0]!)}, ${bibEscape(parts.slice(1).join(" "))}`;
  return `${bibEscape(parts.at(-1)!)}, ${bibEscape(parts.slice(0, -1).join(" "))}`;
}

function keyBase(p: MinutesPaper): string {
  const last = (p.authors[0] ?? "anon").trim().split(/\s+/).at(-1)!;
  const word = p.title.split(/\s+/).find((w) => /[a-z0-9]{3,}/i.test(w)) ?? "paper";
  const ascii = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[^a-zA-Z0-9]/g, "")
      .toLowerCase();
  return `${ascii(last) || "anon"}${p.year ?? ""}${ascii(word)}`;
}

/** The papers as a .bib file: keys unique and stable (the same papers give the same keys). */
export function toBibtex(papers: MinutesPaper[]): string {
  const used = new Map<string, number>();
  const entries = papers.map((p) => {
    const base = keyBase(p);
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    const key = n === 0 ? base : `${base}${String.fromCharCode(97 + ((n - 1) % 26))}`;
    const fields: [string, string][] = [];
    if (p.authors.length) fields.push(["author", p.authors.map(bibName).join(" and ")]);
    fields.push(["title", bibEscape(p.title)]);
    if (p.year) fields.push(["year", String(p.year)]);
    let type = "misc";
    if (p.arxivId) {
      fields.push(["eprint", bibEscape(p.arxivId)], ["archivePrefix", "arXiv"]);
      if (p.primaryCategory) fields.push(["primaryClass", bibEscape(p.primaryCategory)]);
      fields.push(["url", `https://arxiv.org/abs/${p.arxivId}`]);
    } else if (p.doi) {
      const proceedings = p.venue && /proceedings|conference|symposium|workshop/i.test(p.venue);
      type = proceedings ? "inproceedings" : "article";
      if (p.venue) fields.push([proceedings ? "booktitle" : "journal", bibEscape(p.venue)]);
      fields.push(["doi", bibEscape(p.doi)]);
      if (p.url) fields.push(["url", p.url]);
    } else if (p.url) {
      fields.push(["url", p.url]);
    }
    const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n");
    return `@${type}{${key},\n${body}\n}\n`;
  });
  return entries.join("\n");
}

// ---- JSON ------------------------------------------------------------------------------------

export const MEETING_EXPORT_VERSION = 1;

const paperJson = z.object({
  title: z.string(),
  authors: z.array(z.string()),
  year: z.number().int().nullable(),
  venue: z.string().nullable(),
  arxivId: z.string().nullable(),
  doi: z.string().nullable(),
  url: z.string().nullable(),
  codeUrl: z.string().nullable(),
  primaryCategory: z.string().nullable(),
});

/** The JSON export of a meeting; its JSON Schema is published at /api/schemas/meeting-export. */
export const meetingExportSchema = z.object({
  version: z.literal(MEETING_EXPORT_VERSION),
  meeting: z.object({
    group: z.string(),
    number: z.number().int(),
    title: z.string(),
    scheduledAt: z.iso.datetime(),
    participants: z.number().int(),
  }),
  readings: z.array(
    z.object({
      reader: z.string(),
      reference: z.number().int(),
      paper: paperJson,
      gist: z.string(),
      answers: z.object(
        Object.fromEntries(answerKeys.map((k) => [k, z.string()])) as Record<
          (typeof answerKeys)[number],
          z.ZodString
        >,
      ),
      startedAt: z.iso.datetime().nullable(),
      finishedAt: z.iso.datetime().nullable(),
      timeUpAt: z.iso.datetime().nullable(),
      durationMs: z.number().int(),
      presentedMs: z.number().int().nullable(),
    }),
  ),
  closingRemarks: z.string(),
  references: z.array(z.object({ n: z.number().int(), text: z.string() })),
});
export type MeetingExport = z.infer<typeof meetingExportSchema>;

export function meetingExportJsonSchema(): unknown {
  return { title: "Yomikai meeting export", ...z.toJSONSchema(meetingExportSchema) };
}

import { describe, expect, it } from "vitest";
import { parse } from "@retorquere/bibtex-parser";
import { buildMinutes, type MinutesPaper } from "./build";
import {
  bibEscape,
  meetingExportJsonSchema,
  toBibtex,
  zennArticle,
  zennSlug,
  zennTopics,
} from "./formats";

const aloha: MinutesPaper = {
  title: "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware",
  authors: ["Tony Z. Zhao", "Vikash Kumar", "Sergey Levine", "Chelsea Finn"],
  year: 2023,
  venue: null,
  arxivId: "2304.13705",
  doi: null,
  url: null,
  codeUrl: null,
  primaryCategory: "cs.RO",
};
const tricky: MinutesPaper = {
  title: "50% of {braces} & $math$ #1: a_b ~ c^d \\ e",
  authors: ["Mart Kartašev", "山田 太郎", "The ATLAS Collaboration"],
  year: 2021,
  venue: "Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency",
  arxivId: null,
  doi: "10.1145/3442188.3445922",
  url: "https://doi.org/10.1145/3442188.3445922",
  codeUrl: null,
};
const journal: MinutesPaper = {
  ...tricky,
  title: "Deep learning",
  venue: "Nature",
  doi: "10.1038/nature14539",
  authors: ["Yann LeCun"],
  year: 2015,
};

describe("BibTeX export", () => {
  it("writes arXiv papers as @misc with eprint, archivePrefix, primaryClass and url", () => {
    const bib = toBibtex([aloha]);
    expect(bib).toContain("@misc{zhao2023learning,");
    expect(bib).toContain(
      "author = {Zhao, Tony Z. and Kumar, Vikash and Levine, Sergey and Finn, Chelsea}",
    );
    expect(bib).toContain("eprint = {2304.13705}");
    expect(bib).toContain("archivePrefix = {arXiv}");
    expect(bib).toContain("primaryClass = {cs.RO}");
    expect(bib).toContain("url = {https://arxiv.org/abs/2304.13705}");
  });

  it("reads back through a maintained parser with every field intact (round trip)", () => {
    const papers = [aloha, tricky, journal, aloha];
    const library = parse(toBibtex(papers), { sentenceCase: false, caseProtection: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((e) => e.type)).toEqual([
      "misc",
      "inproceedings",
      "article",
      "misc",
    ]);
    // Keys unique, and the same for the same input.
    const keys = library.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(4);
    expect(parse(toBibtex(papers)).entries.map((e) => e.key)).toEqual(keys);
    const t = library.entries[1]!.fields;
    expect(t.title).toBe(tricky.title);
    expect(t.author!.map((a) => a.name ?? `${a.firstName} ${a.lastName}`)).toEqual([
      "Mart Kartašev",
      "太郎 山田",
      "The ATLAS Collaboration",
    ]);
    expect(t.doi).toBe("10.1145/3442188.3445922");
    expect(library.entries[2]!.fields.journal).toBe("Nature");
  });

  it("escapes every special character once", () => {
    expect(bibEscape("a_b {c} \\ ~^")).toBe(
      "a\\_b \\{c\\} \\textbackslash{} \\textasciitilde{}\\textasciicircum{}",
    );
  });
});

describe("Zenn export", () => {
  const minutes = buildMinutes({
    title: "2024/01/25 論文読み勉強会",
    subtitle: "第9回 · 参加者 1 名",
    remarks: "",
    readers: [{ name: "Wさん", paper: aloha, gist: "", answers: [] }],
    labels: {
      session: "第9回",
      participants: "参加者 1 名",
      overview: "概要",
      remarks: "感想",
      references: "参考文献",
      code: "コード",
      questions: {} as never,
    },
  });

  it("has Zenn's front matter and the minutes without their H1", () => {
    const article = zennArticle(minutes, {
      topics: zennTopics(["cs.RO", "cs.LG", "cs.RO"]),
      publication: "my-lab",
    });
    const [, front, body] = article.split(/^---$/m);
    expect(front).toContain('title: "2024/01/25 論文読み勉強会 第9回"');
    expect(front).toMatch(/emoji: ".+"/u);
    expect(front).toContain('type: "tech"');
    expect(front).toContain('topics: ["paper", "robotics", "machinelearning"]');
    expect(front).toContain("published: false");
    expect(front).toContain('publication_name: "my-lab"');
    expect(body).not.toMatch(/^# /m);
    expect(body).toContain("## 参考文献");
  });

  it("keeps topics to five lowercase words and slugs within Zenn's rules", () => {
    const topics = zennTopics(["cs.LG", "cs.CV", "cs.CL", "cs.RO", "cs.AI", "cs.IR"]);
    expect(topics.length).toBeLessThanOrEqual(5);
    for (const t of topics) expect(t).toMatch(/^[a-z0-9-]+$/);
    for (const slug of [
      zennSlug("ml", 1, new Date("2024-01-25T10:00:00Z")),
      zennSlug("a-very-long-group-slug-that-goes-on-and-on-and-on", 123, new Date()),
      zennSlug("Ünïcode グループ", 9, new Date()),
    ])
      expect(slug).toMatch(/^[a-z0-9_-]{12,50}$/);
  });
});

describe("JSON export", () => {
  it("publishes a JSON Schema with the version field required", () => {
    const schema = meetingExportJsonSchema() as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.required).toContain("version");
    expect(schema.properties).toHaveProperty("readings");
  });
});

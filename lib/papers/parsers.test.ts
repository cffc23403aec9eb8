import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArxivFeed } from "./arxiv";
import { parseCrossref, parseCsl } from "./csl";

const fixture = (path: string) =>
  readFileSync(join(process.cwd(), "tests/fixtures/papers", path), "utf8");

describe("the arXiv API's Atom answers", () => {
  it("reads a paper: collapsed title, authors in order, first-version date, latest version", () => {
    const answer = parseArxivFeed(fixture("arxiv/2304.13705.xml"), "2304.13705");
    expect(answer.kind).toBe("found");
    if (answer.kind !== "found") return;
    expect(answer.paper).toMatchObject({
      source: "arxiv",
      title: "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware",
      authors: ["Tony Z. Zhao", "Vikash Kumar", "Sergey Levine", "Chelsea Finn"],
      year: 2023,
      arxivId: "2304.13705",
      arxivVersion: 1,
      primaryCategory: "cs.RO",
      doi: null,
      journalRef: null,
    });
    expect(answer.paper.publishedAt?.toISOString()).toBe("2023-04-23T19:10:53.000Z");
    expect(answer.paper.abstract).toMatch(/^Placeholder abstract for the recorded answer: a low/);
  });

  it("keeps eight authors and the latest version of a revised paper", () => {
    const answer = parseArxivFeed(fixture("arxiv/1706.03762.xml"), "1706.03762");
    if (answer.kind !== "found") throw new Error(answer.kind);
    expect(answer.paper.authors).toHaveLength(8);
    expect(answer.paper.authors.at(-1)).toBe("Illia Polosukhin");
    expect(answer.paper.arxivVersion).toBe(7);
    expect(answer.paper.year).toBe(2017);
  });

  it("keeps non-ASCII names and unwraps hard-wrapped titles", () => {
    const answer = parseArxivFeed(fixture("arxiv/1809.07759.xml"), "1809.07759");
    if (answer.kind !== "found") throw new Error(answer.kind);
    expect(answer.paper.authors[0]).toBe("Mart Kartašev");
    expect(answer.paper.title).toBe(
      "Implementing Adaptive Separable Convolution for Video Frame Interpolation",
    );
  });

  it("reports arXiv's error entry (HTTP 200, titled Error) and an empty feed", () => {
    expect(parseArxivFeed(fixture("arxiv/error.xml"), "2304.999999")).toEqual({
      kind: "error",
      message: "incorrect id format for 2304.999999",
    });
    expect(parseArxivFeed(fixture("arxiv/empty.xml"), "2399.00001")).toEqual({ kind: "notFound" });
  });

  it("reads the publisher DOI and journal reference when arXiv has them", () => {
    // Made-up entry for the two optional elements.
    const xml = fixture("arxiv/2304.13705.xml").replace(
      '<category term="cs.RO"',
      '<arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.15607/RSS.2023.XIX.016</arxiv:doi>\n' +
        '<arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">Robotics: Science\n and Systems 2023</arxiv:journal_ref>\n<category term="cs.RO"',
    );
    const answer = parseArxivFeed(xml, "2304.13705");
    if (answer.kind !== "found") throw new Error(answer.kind);
    expect(answer.paper.doi).toBe("10.15607/rss.2023.xix.016");
    expect(answer.paper.journalRef).toBe("Robotics: Science and Systems 2023");
  });

  it.each([
    ["not XML at all", "<<<"],
    ["HTML instead of Atom", "<html><body>Service unavailable</body></html>"],
    ["another paper than asked", fixture("arxiv/1706.03762.xml")],
    [
      "a title of a megabyte",
      fixture("arxiv/2304.13705.xml").replace("Learning Fine-Grained", "x".repeat(1_000_000)),
    ],
  ])("refuses %s", (_, xml) => {
    expect(() => parseArxivFeed(xml, "2304.13705")).toThrow();
  });

  it("does not expand entities into a billion laughs", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2304.13705v1</id><title>&lol3;</title></entry></feed>`;
    let result: unknown;
    try {
      result = parseArxivFeed(bomb, "2304.13705");
    } catch {
      result = "refused";
    }
    // Either refused or read with a bounded title; never a hang or a crash.
    expect(JSON.stringify(result).length).toBeLessThan(5_000);
  });
});

describe("DOI answers (CSL-JSON)", () => {
  it("reads doi.org's CSL-JSON: title with subtitle, authors, year, venue, URL", () => {
    const paper = parseCsl(
      JSON.parse(fixture("doi/10.1145_3442188.3445922.json")),
      "10.1145/3442188.3445922",
    );
    expect(paper).toMatchObject({
      source: "doi",
      title: "On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜",
      authors: [
        "Emily M. Bender",
        "Timnit Gebru",
        "Angelina McMillan-Major",
        "Shmargaret Shmitchell",
      ],
      year: 2021,
      venue: "Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency",
      doi: "10.1145/3442188.3445922",
      url: "https://doi.org/10.1145/3442188.3445922",
    });
  });

  it("reads Crossref's REST answer (lists for title and venue)", () => {
    const paper = parseCrossref(
      JSON.parse(fixture("crossref/10.1038_nature14539.json")),
      "10.1038/nature14539",
    );
    expect(paper).toMatchObject({
      title: "Deep learning",
      authors: ["Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"],
      year: 2015,
      venue: "Nature",
    });
  });

  it("writes Japanese names family name first and keeps literal names", () => {
    // Made-up record in JaLC's shape.
    const paper = parseCsl(
      {
        title: "深層学習による論文要約",
        author: [{ family: "山田", given: "太郎" }, { literal: "Yomikai Study Group" }],
        issued: { "date-parts": [["2024", 4]] },
      },
      "10.11517/example.1",
    );
    expect(paper.authors).toEqual(["山田 太郎", "Yomikai Study Group"]);
    expect(paper.year).toBe(2024);
  });

  it.each([
    ["no title", { author: [] }],
    ["an empty title", { title: "  " }],
    ["a title that is an object", { title: { evil: true } }],
    ["ten thousand and one authors", { title: "T", author: Array(10_001).fill({ family: "A" }) }],
    ["not an object", "<html>"],
  ])("refuses %s", (_, json) => {
    expect(() => parseCsl(json, "10.1/x")).toThrow();
  });

  it("refuses a Crossref answer that is not ok", () => {
    expect(() => parseCrossref({ status: "failed", message: {} }, "10.1/x")).toThrow();
  });
});

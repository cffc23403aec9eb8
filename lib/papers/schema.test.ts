import { describe, expect, it } from "vitest";
import { z } from "zod";
import { paperHref } from "./links";
import { paperSchema } from "./schema";
import { normalizeDoi, parseArxivId } from "./identifiers";

describe("paper input", () => {
  it("parses arXiv ids and DOIs in their usual spellings", () => {
    expect(parseArxivId("arXiv:2304.13705v2")).toEqual({ id: "2304.13705", version: 2 });
    expect(parseArxivId("2304.13705")).toEqual({ id: "2304.13705", version: null });
    expect(parseArxivId("hep-th/9901001")).toEqual({ id: "hep-th/9901001", version: null });
    expect(parseArxivId("not an id")).toBeNull();
    expect(normalizeDoi("https://doi.org/10.1145/3292500.3330701")).toBe("10.1145/3292500.3330701");
    expect(normalizeDoi("doi:10.48550/arXiv.2304.13705")).toBe("10.48550/arxiv.2304.13705");
    expect(normalizeDoi("11.1/x")).toBeNull();
  });

  it("needs a title and reports bad optional fields as message keys", () => {
    const r = paperSchema.safeParse({
      title: " ",
      year: "20x6",
      url: "javascript:alert(1)",
      arxivId: "nope",
      doi: "x",
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(z.flattenError(r.error).fieldErrors).toEqual({
      title: ["paperTitleRequired"],
      year: ["yearInvalid"],
      url: ["urlInvalid"],
      arxivId: ["arxivInvalid"],
      doi: ["doiInvalid"],
    });
  });

  it("splits authors and drops empty optional fields", () => {
    const r = paperSchema.parse({
      title: "Attention",
      authors: "A. Vaswani, N. Shazeer\nN. Parmar",
      year: "",
      url: "",
      arxivId: "",
      doi: "",
    });
    expect(r).toEqual({ title: "Attention", authors: ["A. Vaswani", "N. Shazeer", "N. Parmar"] });
  });

  it("refuses an over-long title", () => {
    expect(paperSchema.safeParse({ title: "x".repeat(501) }).success).toBe(false);
  });
});

describe("paper links", () => {
  it("links to the paper's URL, its arXiv page or its DOI, and never to anything else", () => {
    expect(paperHref({ url: "https://example.org/p.pdf", arxivId: "2304.13705" })).toBe(
      "https://example.org/p.pdf",
    );
    expect(paperHref({ arxivId: "2304.13705" })).toBe("https://arxiv.org/abs/2304.13705");
    expect(paperHref({ doi: "10.1145/3292500.3330701" })).toBe(
      "https://doi.org/10.1145/3292500.3330701",
    );
    expect(paperHref({ url: "javascript:alert(1)" })).toBeNull();
    expect(paperHref({})).toBeNull();
  });
});

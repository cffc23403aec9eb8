import { describe, expect, it } from "vitest";
import { recogniseIdentifier } from "./identifiers";

const arxiv = (id: string, version: number | null = null) => ({ kind: "arxiv", id, version });
const doi = (d: string) => ({ kind: "doi", doi: d });

describe("recognising what a reader pastes", () => {
  it.each([
    ["2304.13705", arxiv("2304.13705")],
    ["2304.13705v2", arxiv("2304.13705", 2)],
    // Typed with a Japanese keyboard: full-width digits, letters and colon.
    ["２３０４．１３７０５", arxiv("2304.13705")],
    ["ａｒＸｉｖ：２３０４．１３７０５ｖ２", arxiv("2304.13705", 2)],
    ["ｄｏｉ：10.1038/nature14539", doi("10.1038/nature14539")],
    ["  arXiv:2304.13705 ", arxiv("2304.13705")],
    ["arxiv: 1706.03762v7", arxiv("1706.03762", 7)],
    ["0704.0001", arxiv("0704.0001")],
    ["cs/0112017", arxiv("cs/0112017")],
    ["arXiv:hep-th/9901001v3", arxiv("hep-th/9901001", 3)],
    ["math.gt/0309136", arxiv("math.GT/0309136")],
    ["https://arxiv.org/abs/2304.13705", arxiv("2304.13705")],
    ["https://arxiv.org/abs/2304.13705v1", arxiv("2304.13705", 1)],
    ["http://arxiv.org/pdf/2304.13705", arxiv("2304.13705")],
    ["https://arxiv.org/pdf/2304.13705v2.pdf", arxiv("2304.13705", 2)],
    ["https://arxiv.org/pdf/2304.13705.pdf", arxiv("2304.13705")],
    ["https://arxiv.org/html/2304.13705v1", arxiv("2304.13705", 1)],
    ["https://export.arxiv.org/abs/cs/0112017", arxiv("cs/0112017")],
    ["https://www.arxiv.org/abs/hep-th/9901001v1/", arxiv("hep-th/9901001", 1)],
    ["10.1145/3442188.3445922", doi("10.1145/3442188.3445922")],
    ["doi:10.1038/nature14539", doi("10.1038/nature14539")],
    ["DOI: 10.1038/NATURE14539", doi("10.1038/nature14539")],
    ["https://doi.org/10.1145/3442188.3445922", doi("10.1145/3442188.3445922")],
    ["https://dx.doi.org/10.1007/978-3-030-58452-8_13", doi("10.1007/978-3-030-58452-8_13")],
    ["https://doi.org/10.1002/(SICI)1097-4571%28199806%29", doi("10.1002/(sici)1097-4571(199806)")],
    ["10.48550/arXiv.2304.13705", arxiv("2304.13705")],
    ["https://doi.org/10.48550/arXiv.2304.13705", arxiv("2304.13705")],
    ["doi:10.48550/ARXIV.cs/0112017", arxiv("cs/0112017")],
  ])("%s", (input, expected) => {
    expect(recogniseIdentifier(input)).toEqual(expected);
  });

  it.each([
    "",
    "   ",
    "Attention is all you need",
    "2304.137", // too few digits
    "2304.137055", // too many
    "23041.3705",
    "2304.13705v0",
    "2304.13705v",
    "arXiv:",
    "cs/011201", // old style needs seven digits
    "/0112017",
    "https://arxiv.org/list/cs.LG/recent",
    "https://arxiv.org/abs/",
    "https://example.org/abs/2304.13705",
    "https://evil.example/?u=https://arxiv.org/abs/2304.13705",
    "https://arxiv.org.evil.example/abs/2304.13705",
    "https://doi.org/",
    "https://notdoi.org/10.1145/1",
    "11.1145/3442188",
    "10.12/x", // registrant code too short
    "10.1145/",
    "10.1145/has space",
    "javascript:alert(1)",
    "2304.13705\u0000",
    "10.1145/\u0007bell",
    "x".repeat(2001),
    `https://arxiv.org/abs/2304.13705?${"a".repeat(2000)}`,
  ])("near miss: %j", (input) => {
    expect(recogniseIdentifier(input)).toBeNull();
  });
});

describe("finding identifiers in a 'next paper' answer", () => {
  it("finds arXiv ids, links and DOIs in order, once each", async () => {
    const { findIdentifiers } = await import("./identifiers");
    const answer = [
      "- Diffusion Policy (arXiv:2303.04137)",
      "- https://arxiv.org/abs/2304.13705v2, and again arxiv.org/abs/2304.13705 (same)",
      "- [Parrots](https://doi.org/10.1145/3442188.3445922).",
      "- 1706.03762",
      "- DOI 10.1038/nature14539, p. 436",
      "- version 2.1 of the code, 3.14159, 20 pages", // numbers, not ids
      "- https://github.com/tonyzhaozh/aloha",
    ].join("\n");
    expect(findIdentifiers(answer)).toEqual([
      arxiv("2303.04137"),
      arxiv("2304.13705", 2),
      doi("10.1145/3442188.3445922"),
      arxiv("1706.03762"),
      doi("10.1038/nature14539"),
    ]);
    expect(findIdentifiers("")).toEqual([]);
    expect(findIdentifiers("ResNet and ViT, no ids here")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { looksLikeBibtex, parseBibtex } from "./bibtex";

describe("pasted BibTeX", () => {
  it("reads a Google Scholar entry with an arXiv eprint", () => {
    const paper = parseBibtex(`@article{zhao2023learning,
  title={Learning Fine-Grained Bimanual Manipulation with {Low-Cost} Hardware},
  author={Zhao, Tony Z and Kumar, Vikash and Levine, Sergey and Finn, Chelsea},
  journal={arXiv preprint arXiv:2304.13705},
  year={2023}
}`);
    expect(paper).toMatchObject({
      identifier: { kind: "arxiv", id: "2304.13705", version: null },
      title: "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware",
      authors: ["Tony Z Zhao", "Vikash Kumar", "Sergey Levine", "Chelsea Finn"],
      year: 2023,
    });
  });

  it("takes eprint with archivePrefix, DOIs, LaTeX accents and literal names", () => {
    expect(
      parseBibtex(
        "@misc{v, title={Attention Is All You Need}, author={Vaswani, Ashish}, eprint={1706.03762}, archivePrefix={arXiv}, year={2017}}",
      )?.identifier,
    ).toEqual({ kind: "arxiv", id: "1706.03762", version: null });
    const entry = parseBibtex(
      '@inproceedings{b, title={\\"{U}ber {\\textbf{Parrots}}}, author={Bender, Emily M. and {The FAccT Committee}}, booktitle={FAccT}, doi={10.1145/3442188.3445922}, year=2021}',
    );
    expect(entry).toMatchObject({
      identifier: { kind: "doi", doi: "10.1145/3442188.3445922" },
      title: "Über Parrots",
      authors: ["Emily M. Bender", "The FAccT Committee"],
      venue: "FAccT",
    });
  });

  it("keeps an entry without identifier as its own fields", () => {
    expect(
      parseBibtex(
        "@book{k, title={Pattern Recognition}, author={Bishop, Christopher}, year={2006}}",
      ),
    ).toMatchObject({ identifier: null, title: "Pattern Recognition", year: 2006 });
  });

  it.each([
    ["not BibTeX", "2304.13705"],
    ["unterminated", "@article{x, title={unclosed"],
    ["no title", "@article{x, author={A, B}}"],
    ["too long", `@article{x, title={${"t".repeat(20_001)}}}`],
  ])("refuses %s", (_, text) => {
    expect(parseBibtex(text)).toBeNull();
  });

  it("tells BibTeX from identifiers", () => {
    expect(looksLikeBibtex("  @inproceedings{x,")).toBe(true);
    expect(looksLikeBibtex("arXiv:2304.13705")).toBe(false);
  });
});

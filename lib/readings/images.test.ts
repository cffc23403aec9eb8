import { describe, expect, it } from "vitest";
import {
  citationLine,
  imageIdsIn,
  imageMarkdown,
  imageTypeOf,
  quoteMarkdown,
  renumberCitations,
  rewriteImageAddresses,
} from "./images";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

describe("imageTypeOf", () => {
  it("knows PNG, JPEG, GIF and WebP by their bytes", () => {
    expect(imageTypeOf(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("image/png");
    expect(imageTypeOf(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(imageTypeOf(bytes("GIF89a", [1, 0]))).toBe("image/gif");
    expect(imageTypeOf(bytes("GIF87a"))).toBe("image/gif");
    expect(imageTypeOf(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses everything else, whatever its name would say", () => {
    expect(imageTypeOf(bytes("MZ", [0x90, 0, 3, 0]))).toBeNull(); // a Windows executable
    expect(imageTypeOf(bytes([0x7f], "ELF"))).toBeNull();
    expect(imageTypeOf(bytes("<svg xmlns="))).toBeNull(); // SVG can carry script
    expect(imageTypeOf(bytes("%PDF-1.7"))).toBeNull();
    expect(imageTypeOf(bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toBeNull();
    expect(imageTypeOf(bytes([0x89], "PN"))).toBeNull(); // cut short
    expect(imageTypeOf(new Uint8Array())).toBeNull();
  });
});

describe("references in answers", () => {
  it("finds each image an answer refers to, once", () => {
    const text = "![a](/api/images/abc123)\n- x ![b](/api/images/def_4-5) ![a](/api/images/abc123)";
    expect(imageIdsIn(text)).toEqual(["abc123", "def_4-5"]);
    expect(imageIdsIn("no pictures; /api/imagesX/1")).toEqual([]);
  });

  it("rewrites their addresses for an export", () => {
    expect(rewriteImageAddresses("![a](/api/images/abc)", (id) => `images/${id}.png`)).toBe(
      "![a](images/abc.png)",
    );
  });

  it("writes an image with its credit, keeping the alt text on one line", () => {
    expect(imageMarkdown("abc", "Figure [2]\nof p. 3", "[1]より引用")).toBe(
      "![Figure  2  of p. 3](/api/images/abc)\n[1]より引用",
    );
    expect(imageMarkdown("abc", "pasted", null)).toBe("![pasted](/api/images/abc)");
  });
});

describe("credit lines", () => {
  it("reads as study groups write them, in either language", () => {
    expect(citationLine(2, "ja")).toBe("[2]より引用");
    expect(citationLine(2, "en")).toBe("From [2]");
  });

  it("are renumbered to the paper's number in the minutes, and nothing else is", () => {
    const text = "![f](/api/images/a)\n[3]より引用\n- see [3] too\n![g](/api/images/b)\nFrom [3]";
    expect(renumberCitations(text, 1)).toBe(
      "![f](/api/images/a)\n[1]より引用\n- see [3] too\n![g](/api/images/b)\nFrom [1]",
    );
  });
});

describe("quoteMarkdown", () => {
  it("quotes a selection as one blockquote with its page, joining the PDF's line breaks", () => {
    expect(quoteMarkdown("We propose a sim-\nple method\nfor  imitation.", 3)).toBe(
      "> We propose a simple method for imitation. (p. 3)",
    );
    expect(quoteMarkdown("模倣学習の\n新しい手法", 1)).toBe("> 模倣学習の新しい手法 (p. 1)");
  });
});

import { describe, expect, it } from "vitest";
import { ftsMatch, likePattern, parseSearchQuery, QUERY_MAX, TERMS_MAX } from "./query";

describe("parseSearchQuery", () => {
  it("keeps a Japanese term whole, however short", () => {
    expect(parseSearchQuery("模倣")).toEqual([{ text: "模倣", indexed: false }]);
    expect(parseSearchQuery("物体検出")).toEqual([{ text: "物体検出", indexed: true }]);
  });

  it("splits on spaces, the ideographic one too, and mixes scripts", () => {
    expect(parseSearchQuery("YOLO　物体検出  transformer").map((t) => t.text)).toEqual([
      "YOLO",
      "物体検出",
      "transformer",
    ]);
  });

  it("keeps quoted phrases together, in either quotation style", () => {
    expect(parseSearchQuery('"diffusion policy" 「行動 チャンク」').map((t) => t.text)).toEqual([
      "diffusion policy",
      "行動 チャンク",
    ]);
    // An unclosed quote is text.
    expect(parseSearchQuery('"open').map((t) => t.text)).toEqual(['"open']);
  });

  it("folds full-width letters and drops repeats, whatever their case", () => {
    expect(parseSearchQuery("ＹＯＬＯ yolo Yolo").map((t) => t.text)).toEqual(["YOLO"]);
  });

  it("is empty for nothing, blanks or empty quotes", () => {
    expect(parseSearchQuery("")).toEqual([]);
    expect(parseSearchQuery("  \u3000 ")).toEqual([]);
    expect(parseSearchQuery('"" 「」')).toEqual([]);
  });

  it("bounds a long query", () => {
    const terms = parseSearchQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(" "));
    expect(terms).toHaveLength(TERMS_MAX);
    const one = parseSearchQuery("あ".repeat(2000));
    expect([...one[0]!.text]).toHaveLength(QUERY_MAX);
  });
});

describe("ftsMatch", () => {
  it("needs every term long enough for the index, as phrases with quotes doubled", () => {
    expect(ftsMatch(parseSearchQuery('模倣 物体検出 say"hi'))).toBe('"物体検出" AND "say""hi"');
    expect(ftsMatch(parseSearchQuery("AI 模倣"))).toBeNull();
  });

  it("leaves FTS5 operators as text (the short ones are checked on the text instead)", () => {
    expect(ftsMatch(parseSearchQuery("NEAR(a b) OR title:* -x"))).toBe('"NEAR(a" AND "title:*"');
  });
});

describe("likePattern", () => {
  it("takes % _ and \\ literally", () => {
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
    expect(likePattern("模倣")).toBe("%模倣%");
  });
});

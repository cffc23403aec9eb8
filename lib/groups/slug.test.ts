import { describe, expect, it } from "vitest";
import { SLUG_MAX, SLUG_PATTERN, slugCandidates, slugify } from "./slug";

describe("slugify", () => {
  it("turns a name into a URL-safe slug", () => {
    expect(slugify("ML Paper Club — Tokyo!")).toBe("ml-paper-club-tokyo");
    expect(slugify("Café Lecture 2026")).toBe("cafe-lecture-2026");
    expect(slugify("ＡＢＣ　読み会")).toBe("abc-yomi-kai");
  });

  it("reads a Japanese name in Latin letters", () => {
    expect(slugify("論文読み会")).toBe("ronbun-yomi-kai");
    expect(slugify("ML論文読み勉強会")).toBe("ml-ronbun-yomi-benkyo-kai");
    expect(slugify("機械学習 輪読会 2026")).toBe("kikai-gakushu-rindoku-kai-2026");
    expect(slugify("トランスフォーマー勉強会")).toBe("toransufoma-benkyo-kai");
    expect(slugify("ちょっと読む会")).toBe("chotto-yomu-kai");
    expect(slugify("しゃべり場")).toBe("shaberi");
  });

  it("is empty for a name without letters it can read", () => {
    expect(slugify("鬱")).toBe("");
    expect(slugify("！？")).toBe("");
  });

  it("never exceeds the maximum or ends with a hyphen", () => {
    const s = slugify("a".repeat(39) + " b c d");
    expect(s.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(s.endsWith("-")).toBe(false);
  });
});

describe("slugCandidates", () => {
  it("falls back to 'group' and keeps every candidate valid", () => {
    let n = 0;
    const c = slugCandidates("", 5, () => (n += 0.1));
    expect(c[0]).toBe("group");
    expect(c[1]).toBe("group-2");
    for (const s of c) expect(s).toMatch(SLUG_PATTERN);
    expect(new Set(c).size).toBe(c.length);
  });

  it("keeps long slugs within the limit when suffixed", () => {
    for (const s of slugCandidates("x".repeat(SLUG_MAX)))
      expect(s.length).toBeLessThanOrEqual(SLUG_MAX);
  });
});

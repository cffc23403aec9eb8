import { describe, expect, it } from "vitest";
import {
  isDecodablePath,
  isOutsideLocalePages,
  malformedPathResponse,
  pinLinkOrigins,
} from "./request-path";

describe("isDecodablePath", () => {
  it("accepts plain paths and escapes that decode to UTF-8", () => {
    for (const path of [
      "/",
      "/en/groups/bench",
      "/en/groups/a%20b",
      "/ja/groups/%E8%AA%AD%E3%81%BF%E4%BC%9A",
      "/api/readings/x%2Fy/pdf",
    ])
      expect(isDecodablePath(path), path).toBe(true);
  });

  it("refuses escapes that are cut short, not hex, or not UTF-8", () => {
    for (const path of [
      "/en/groups/%E0%A4%A",
      "/en/%",
      "/en/%zz",
      "/api/%ff",
      "/ja/groups/%C0",
      "/%ED%A0%80",
    ])
      expect(isDecodablePath(path), path).toBe(false);
  });
});

describe("isOutsideLocalePages", () => {
  it("is true for route handlers, the baseline, the build's files and files with a dot", () => {
    for (const path of [
      "/api/health",
      "/bench",
      "/_next/static/chunks/a.js",
      "/_vercel/x",
      "/favicon.ico",
      "/sw.js",
    ])
      expect(isOutsideLocalePages(path), path).toBe(true);
  });

  it("is false for the localised pages", () => {
    for (const path of ["/", "/en", "/ja/groups/bench/meetings/1", "/en/sign-in"])
      expect(isOutsideLocalePages(path), path).toBe(false);
  });
});

describe("malformedPathResponse", () => {
  it("answers route handlers with a JSON 400", async () => {
    const res = malformedPathResponse("/api/%ff");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect((await res.json()).error.code).toBe("INVALID_INPUT");
  });

  it("answers people with a short page in the path's language first, and nothing to run", async () => {
    const ja = malformedPathResponse("/ja/groups/%C0");
    expect(ja.status).toBe(400);
    expect(ja.headers.get("content-type")).toContain("text/html");
    expect(ja.headers.get("content-security-policy")).toContain("default-src 'none'");
    const jaText = await ja.text();
    expect(jaText).toContain('<html lang="ja">');
    expect(jaText.indexOf("このアドレス")).toBeLessThan(jaText.indexOf("This address"));
    const en = await malformedPathResponse("/en/%").text();
    expect(en).toContain('<html lang="en">');
    expect(en.indexOf("This address")).toBeLessThan(en.indexOf("このアドレス"));
  });
});

describe("pinLinkOrigins", () => {
  const forged =
    '<http://evil.example/ja/groups/a?x=1>; rel="alternate"; hreflang="ja", ' +
    '<http://evil.example/en/groups/a?x=1>; rel="alternate"; hreflang="en", ' +
    '<http://evil.example/groups/a?x=1>; rel="alternate"; hreflang="x-default"';

  it("puts every address on the configured origin, keeping paths, queries and attributes", () => {
    expect(pinLinkOrigins(forged, "https://yomikai.example")).toBe(
      '<https://yomikai.example/ja/groups/a?x=1>; rel="alternate"; hreflang="ja", ' +
        '<https://yomikai.example/en/groups/a?x=1>; rel="alternate"; hreflang="en", ' +
        '<https://yomikai.example/groups/a?x=1>; rel="alternate"; hreflang="x-default"',
    );
  });

  it("keeps escaped paths escaped", () => {
    expect(
      pinLinkOrigins('<http://h/ja/groups/%E8%AA%AD>; rel="alternate"', "https://y.example"),
    ).toBe('<https://y.example/ja/groups/%E8%AA%AD>; rel="alternate"');
  });

  it("gives no header without a configured origin or with an address that does not parse", () => {
    expect(pinLinkOrigins(forged, null)).toBeNull();
    expect(pinLinkOrigins('<not a url>; rel="alternate"', "https://y.example")).toBeNull();
  });
});

// The bench's first-load count: what a browser runs or preloads for a page's first render.
import { describe, expect, it } from "vitest";
import { firstLoadScripts } from "../../scripts/bench/js.mjs";

describe("the scripts a page loads first", () => {
  it("counts scripts and preloaded scripts once each, and not the noModule polyfills", () => {
    const html = [
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
      '<link rel="preload" href="/_next/static/chunks/catalog.js" as="script"/>',
      '<link rel="stylesheet" href="/_next/static/chunks/app.css"/>',
      '<link rel="preload" as="font" href="/font.woff2"/>',
      '<script src="/_next/static/chunks/a.js" async="" nonce="n"></script>',
      '<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n"></script>',
      '<script nonce="n">self.__next_f.push([1,"src=\\"x.js\\""])</script>',
      '<script src="/_next/static/chunks/b.js" async=""></script>',
    ].join("");
    expect(firstLoadScripts(html)).toEqual([
      "/_next/static/chunks/a.js",
      "/_next/static/chunks/b.js",
      "/_next/static/chunks/catalog.js",
    ]);
  });
});

// The build step that marks the first-load scripts with V8's compile hint, on a build directory
// laid out as `next build` writes it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT, firstLoadChunks } from "../../scripts/compile-hints.mjs";

let dist = "";
afterEach(() => rmSync(dist, { recursive: true, force: true }));

function build() {
  dist = mkdtempSync(join(tmpdir(), "hints-"));
  mkdirSync(join(dist, "static/chunks"), { recursive: true });
  const chunks = ["runtime", "react", "layout", "page", "later", "other-page"];
  for (const c of chunks) writeFileSync(join(dist, `static/chunks/${c}.js`), `/* ${c} */`);
  writeFileSync(join(dist, "static/chunks/app.css"), "body{}");
  writeFileSync(
    join(dist, "build-manifest.json"),
    JSON.stringify({
      polyfillFiles: ["static/chunks/polyfills.js"],
      rootMainFiles: ["static/chunks/runtime.js", "static/chunks/react.js"],
    }),
  );
  const manifest = (route: string, entry: Record<string, string[]>) =>
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n` +
    `globalThis.__RSC_MANIFEST[${JSON.stringify(route)}] = ${JSON.stringify({
      clientModules: { x: { chunks: ["/_next/static/chunks/later.js"] } },
      entryJSFiles: entry,
    })};`;
  const page = join(dist, "server/app/[locale]/meetings/[number]");
  mkdirSync(page, { recursive: true });
  writeFileSync(
    join(page, "page_client-reference-manifest.js"),
    manifest("/[locale]/meetings/[number]/page", {
      "[project]/app/layout": ["static/chunks/layout.js", "static/chunks/app.css"],
      "[project]/app/meetings/page": ["static/chunks/layout.js", "static/chunks/page.js"],
    }),
  );
  mkdirSync(join(dist, "server/app/other"), { recursive: true });
  writeFileSync(
    join(dist, "server/app/other/page_client-reference-manifest.js"),
    manifest("/other/page", { "[project]/app/other/page": ["static/chunks/other-page.js"] }),
  );
}

const read = (c: string) => readFileSync(join(dist, `static/chunks/${c}.js`), "utf8");

describe("compile hints", () => {
  it("marks the framework's scripts and every route's entry scripts, once, and nothing else", () => {
    build();
    expect(firstLoadChunks(dist)).toEqual([
      "static/chunks/layout.js",
      "static/chunks/other-page.js",
      "static/chunks/page.js",
      "static/chunks/react.js",
      "static/chunks/runtime.js",
    ]);
    expect(addCompileHints(dist)).toHaveLength(5);
    expect(read("page")).toBe(`${COMPILE_HINT}/* page */`);
    expect(read("runtime")).toBe(`${COMPILE_HINT}/* runtime */`);
    // A chunk loaded later on demand, and the stylesheet, are left as they were.
    expect(read("later")).toBe("/* later */");
    expect(readFileSync(join(dist, "static/chunks/app.css"), "utf8")).toBe("body{}");
    // A second run (a build step run again) adds nothing.
    expect(addCompileHints(dist)).toEqual([]);
    expect(read("page")).toBe(`${COMPILE_HINT}/* page */`);
  });

  it("refuses a build that lists a script it did not write", () => {
    build();
    rmSync(join(dist, "static/chunks/page.js"));
    expect(() => addCompileHints(dist)).toThrow(/page\.js/);
  });
});

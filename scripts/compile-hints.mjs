// After `next build` compiles the app (next.config.ts, compiler.runAfterProductionCompile): marks
// the scripts a page runs as it loads with V8's explicit compile hint, `//# allFunctionsCalledOnLoad`
// (Chromium 136 and later; other engines read a comment). A browser parses an async script on a
// background thread as it streams in, but compiles a function's body only when the function is
// first called, on the main thread: the framework's and the page's module bodies, all called as the
// page starts, were compiled one by one inside the first script's evaluation, the longest task of
// a page load on a phone. With the hint they are compiled in the background while the scripts
// stream in. Only the first-load scripts are marked (the framework's and each route's entry
// chunks), not chunks loaded later on demand, whose functions mostly never run.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Every `*_client-reference-manifest.js` under a directory. */
function manifests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith("_client-reference-manifest.js"))
    .map((e) => join(e.parentPath, e.name));
}

/** The build's first-load scripts, as paths under the build directory ("static/chunks/…js"). */
export function firstLoadChunks(distDir) {
  const files = new Set(
    JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")).rootMainFiles ?? [],
  );
  for (const file of manifests(join(distDir, "server", "app"))) {
    // Each manifest is a script that assigns the route's entry to globalThis.__RSC_MANIFEST.
    const sandbox = {};
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(file, "utf8"), sandbox);
    for (const route of Object.values(sandbox.__RSC_MANIFEST ?? {}))
      for (const chunks of Object.values(route.entryJSFiles ?? {}))
        for (const chunk of chunks) files.add(chunk);
  }
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

/** Adds the hint to each first-load script once; returns the scripts it marked. */
export function addCompileHints(distDir) {
  const marked = [];
  for (const chunk of firstLoadChunks(distDir)) {
    const path = join(distDir, chunk);
    if (!existsSync(path)) throw new Error(`the build lists ${chunk}, which it did not write`);
    const text = readFileSync(path, "utf8");
    if (text.startsWith(COMPILE_HINT)) continue;
    writeFileSync(path, COMPILE_HINT + text);
    marked.push(chunk);
  }
  return marked;
}

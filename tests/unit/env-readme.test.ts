import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VARIABLES } from "@/lib/env-schema.mjs";

// The README's variable table is what an operator reads before a start refuses their value: it
// lists every variable the app checks, with the same allowed range or form the message names.
describe("README's environment table", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const rows = new Map(
    readme
      .split("\n")
      .filter((line) => /^\| `[A-Z0-9_]+` /.test(line))
      .map((line) => {
        const cells = line.split("|").map((c) => c.trim());
        return [cells[1]!.replaceAll("`", ""), cells[3]!] as const;
      }),
  );

  it.each(Object.entries(VARIABLES))("states %s's allowed range or form", (name, rule) => {
    expect(rows.get(name)).toBe(rule.allowed);
  });
});

// The nouns' one-way dependencies (meetings → recap → readings → papers) are an ESLint rule;
// this checks the rule itself still refuses a back-import and allows the forward ones.
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layering rule", () => {
  it("refuses imports from a noun above", async () => {
    for (const [file, from] of [
      ["lib/readings/data.ts", "@/lib/meetings/data"],
      ["lib/readings/countdown.ts", "@/lib/recap/recap"],
      ["lib/papers/schema.ts", "../readings/schema"],
      ["lib/recap/data.ts", "@/lib/meetings/board"],
      ["lib/groups/access.ts", "@/lib/readings/data"],
    ]) {
      const messages = await restricted(file!, `import { x } from "${from}";\nvoid x;\n`);
      expect(messages.join(" "), `${file} importing ${from}`).toMatch(/nouns depend one way/);
    }
  });

  it("allows imports downwards", async () => {
    for (const [file, from] of [
      ["lib/meetings/mutations.ts", "@/lib/recap/mutations"],
      ["lib/recap/data.ts", "@/lib/readings/schema"],
      ["lib/readings/mutations.ts", "@/lib/groups/access"],
    ]) {
      expect(await restricted(file!, `import { x } from "${from}";\nvoid x;\n`)).toEqual([]);
    }
  });
});

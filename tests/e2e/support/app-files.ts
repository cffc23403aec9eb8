// The app's own files, for the tests that check every route or page has its row in a table.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file called `name` under `root`, at any depth. */
export function filesNamed(root: string, name: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === name) found.push(path);
    }
  };
  walk(root);
  return found;
}

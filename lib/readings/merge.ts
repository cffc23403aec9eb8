// Three-way merge of one answer, line by line: two devices that changed different lines both keep
// their change. Used by the server when a save arrives and by the browser when a save comes back,
// so both sides reach the same text.
import { diff3Merge } from "node-diff3";

/**
 * Merges `mine` and `theirs`, both derived from `base`. Lines changed on one side only take that
 * side; lines both sides added at the same place are all kept (theirs first: they were saved
 * first). Returns null when both sides changed the same lines differently — a real conflict.
 */
export function mergeText(base: string, mine: string, theirs: string): string | null {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  const regions = diff3Merge(mine.split("\n"), base.split("\n"), theirs.split("\n"), {
    excludeFalseConflicts: true,
  });
  const out: string[] = [];
  for (const region of regions) {
    if (region.ok) {
      out.push(...region.ok);
    } else if (region.conflict) {
      const { a, o, b } = region.conflict;
      // Both inserted lines at the same place (two new bullets): keep both.
      if (o.length > 0) return null;
      out.push(...b, ...a);
    }
  }
  return out.join("\n");
}

// Group URL slugs: lowercase ASCII letters, digits and single hyphens.
import { romanize } from "./romaji";

export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Paths under /groups/ that a slug must not shadow.
export const RESERVED_SLUGS = new Set(["new", "settings", "join", "invite", "api", "admin"]);

/**
 * A slug from a group name, Japanese read in Latin letters ("論文読み会" → "ronbun-yomi-kai"); ""
 * when nothing usable is left (a name of kanji it does not know).
 */
export function slugify(name: string): string {
  return romanize(name.normalize("NFKC"))
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
}

/** Candidates to try in order when the preferred slug is taken. */
export function slugCandidates(base: string, count = 5, random = Math.random): string[] {
  const root = base.length >= SLUG_MIN ? base : `group${base ? "-" + base : ""}`;
  const out = [root];
  for (let i = 2; out.length < count; i++) {
    const suffix =
      i <= 3
        ? String(i)
        : Math.floor(random() * 36 ** 4)
            .toString(36)
            .padStart(4, "0");
    out.push(`${root.slice(0, SLUG_MAX - suffix.length - 1)}-${suffix}`);
  }
  return out;
}

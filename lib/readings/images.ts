// Pictures in answers: which bytes count as an image, how an answer refers to one, and the line
// that credits the paper under a figure. Pure, for the server and the browser alike.

export const IMAGE_MAX_BYTES = 3 * 1024 * 1024;
export const IMAGE_PATH = "/api/images/";

export const imageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type ImageType = (typeof imageTypes)[number];

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * What an upload is by its first bytes — never by its name or the type the browser claims: PNG,
 * JPEG, GIF or WebP, else null (an executable renamed to .png is null).
 */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

export const extensionOf: Record<ImageType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

const referencePattern = /\/api\/images\/([A-Za-z0-9_-]{1,64})/g;

/** The ids of the images a text refers to, each once, in order. */
export function imageIdsIn(text: string): string[] {
  return [...new Set([...text.matchAll(referencePattern)].map((m) => m[1]!))];
}

/** Rewrites every image address in `text` with `to(id)` (exports, the public minutes link). */
export function rewriteImageAddresses(text: string, to: (id: string) => string): string {
  return text.replace(referencePattern, (_, id: string) => to(id));
}

/** The Markdown an answer gets for an image: the picture, then a credit line when there is one. */
export function imageMarkdown(id: string, alt: string, credit: string | null): string {
  const safeAlt = alt.replace(/[[\]\n\r]/g, " ").trim();
  return `![${safeAlt}](${IMAGE_PATH}${id})${credit ? `\n${credit}` : ""}`;
}

/** The credit under a figure taken from the paper: "[2]より引用" or "From [2]". */
export function citationLine(ref: number, locale: string): string {
  return locale === "ja" ? `[${ref}]より引用` : `From [${ref}]`;
}

const citationPattern = /^(?:\[(\d+)\]より引用|From \[(\d+)\])$/gm;

/**
 * The reader's own paper may get another number in the minutes than it had when the figure was
 * quoted (the recap order decides it): credit lines in a reader's answers are renumbered to `ref`.
 */
export function renumberCitations(text: string, ref: number): string {
  return text.replace(citationPattern, (line, ja?: string) =>
    ja !== undefined ? `[${ref}]より引用` : `From [${ref}]`,
  );
}

/**
 * Text selected in the paper as a Markdown blockquote ending with its page: "> … (p. 3)". Lines
 * the PDF broke are joined (a selection spans the PDF's own line breaks, not the author's).
 */
export function quoteMarkdown(text: string, page: number): string {
  const body = text
    .replace(/-\s*\n\s*(?=[a-z])/g, "") // a word hyphenated across lines
    .replace(/\s*\n\s*/g, (_, at: number, all: string) =>
      // CJK text has no spaces between words: join its lines without one.
      /[\u3000-\u9fff\uff00-\uffef]/.test(all[at - 1] ?? "") ? "" : " ",
    )
    .replace(/[ \t]+/g, " ")
    .trim();
  return `> ${body} (p. ${page})`;
}

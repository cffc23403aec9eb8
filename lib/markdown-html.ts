// Readers' Markdown as HTML, made on the server: the same syntax and the same safety as the
// <Markdown> component (components/readings/markdown.tsx) — GitHub tables, emphasis next to
// Japanese punctuation, raw HTML dropped, sanitised, unsafe addresses emptied, links opening in a
// new tab — for screens that would otherwise ship the whole Markdown stack to the browser (the
// recap screen gets each slide's answers as HTML with the live board).
import "server-only";
import { unified, type Plugin } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkCjkFriendly from "remark-cjk-friendly";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import type { Element, Root } from "hast";
import { safeUrl } from "./markdown-url";

function eachElement(tree: Root | Element, visit: (el: Element) => void) {
  for (const child of tree.children) {
    if (child.type !== "element") continue;
    visit(child);
    eachElement(child, visit);
  }
}

/** Addresses through safeUrl, as react-markdown's urlTransform does (an emptied one is dropped). */
const safeAddresses: Plugin<[], Root> = () => (tree) =>
  eachElement(tree, (el) => {
    for (const attr of ["href", "src"] as const) {
      const value = el.properties[attr];
      if (typeof value !== "string") continue;
      const safe = safeUrl(value);
      if (safe) el.properties[attr] = safe;
      else delete el.properties[attr];
    }
  });

/** Links open in a new tab without handing over the page (after sanitising, which drops target). */
const externalLinks: Plugin<[], Root> = () => (tree) =>
  eachElement(tree, (el) => {
    if (el.tagName !== "a") return;
    el.properties.target = "_blank";
    el.properties.rel = ["noopener", "noreferrer", "nofollow"];
  });

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkRehype)
  .use(safeAddresses)
  .use(rehypeSanitize)
  .use(externalLinks)
  .use(rehypeStringify, { closeSelfClosing: true, tightSelfClosing: true })
  .freeze();

// Answers change a few times a minute while dozens of screens render them: each text is turned
// into HTML once and kept, the least recently used dropped first past a budget of characters.
const cache = new Map<string, string>();
const CACHE_CHARS = 4_000_000;
let cachedChars = 0;

export function markdownToHtml(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const html = String(processor.processSync(text));
  cache.set(text, html);
  cachedChars += text.length + html.length;
  for (const [oldText, oldHtml] of cache) {
    if (cachedChars <= CACHE_CHARS) break;
    cache.delete(oldText);
    cachedChars -= oldText.length + oldHtml.length;
  }
  return html;
}

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

export function markdownToHtml(text: string): string {
  return String(processor.processSync(text));
}

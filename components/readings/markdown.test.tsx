import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "./markdown";
import { markdownToHtml } from "@/lib/markdown-html";

// The rendered HTML without the component's own wrapper element.
const html = (text: string) =>
  renderToStaticMarkup(<Markdown text={text} />)
    .replace(/^<div class="markdown\s*">/, "")
    .replace(/<\/div>$/, "");

describe("Markdown rendering", () => {
  it("renders nested bullets, links, code and tables", () => {
    const out = html(
      "- a\n  - b `code`\n- [paper](https://arxiv.org/abs/2304.13705)\n\n| x | y |\n|---|---|\n| 1 | 2 |",
    );
    expect(out).toContain("<ul>");
    expect(out).toContain("<code>code</code>");
    expect(out).toContain('href="https://arxiv.org/abs/2304.13705"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
    expect(out).toContain("<table>");
  });

  it("never renders script tags or raw HTML", () => {
    const out = html(
      '<script>alert(1)</script>\n\n<div onclick="x()">hi</div>\n\n<img src=x onerror=alert(1)>',
    );
    expect(out).not.toMatch(/<script|<div|<img|onerror|onclick/i);
  });

  it("drops javascript:, data: and vbscript: links", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>x</script>",
      "vbscript:msgbox",
      " javascript:alert(1)",
    ]) {
      const out = html(`[click](${url})`);
      expect(out, url).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    }
    expect(html("![x](javascript:alert(1))")).not.toMatch(/src="javascript:/i);
  });

  it("keeps event handlers out even in autolinks and HTML-looking text", () => {
    const out = html('<a href="https://x" onmouseover="alert(1)">x</a> and <https://example.com>');
    expect(out).not.toMatch(/onmouseover/i);
    expect(out).toContain('href="https://example.com"');
  });

  it("makes emphasis next to Japanese punctuation bold, as written", () => {
    expect(html("**「trainable bag-of-freebies」**を提案")).toBe(
      "<p><strong>「trainable bag-of-freebies」</strong>を提案</p>",
    );
    expect(html("- 手法は*「軽量」*である")).toContain("<em>「軽量」</em>");
  });
});

describe("Markdown rendered on the server (the recap screen's slides)", () => {
  // Same markup up to whitespace between tags and how characters are escaped.
  const normal = (s: string) =>
    s
      .replace(/>\s+</g, "><")
      .replace(/\s+</g, "<")
      .replace(/&(amp|#x26);/g, "&")
      .replace(/&(lt|#x3C);/g, "<")
      .replace(/&(gt|#x3E);/g, ">")
      .replace(/&(quot|#x22);/g, '"')
      .replace(/&#x27;/g, "'")
      // Boolean attributes: disabled="" and data-x="true" are written bare on one side.
      .replace(/([\w-]+)=("true"|"")/g, "$1")
      .replace(/\s+\/>/g, "/>");
  const corpus = [
    "- a\n  - b `code`\n- [paper](https://arxiv.org/abs/2304.13705)\n\n| x | y |\n|---|---|\n| 1 | 2 |",
    "**「太字」**を使う。*斜体*と~~取り消し~~",
    "# Heading\n\n> quote\n\n```python\nprint('x')\n```\n\n1. one\n2. two",
    "a & b < c \"q\" 'a' — https://example.org/auto",
    "[click](javascript:alert(1)) [x](JaVaScRiPt:alert(1)) [d](data:text/html,x) [m](mailto:a@b.c)",
    '<script>alert(1)</script>\n\n<div onclick="x()">hi</div>\n\n<img src=x onerror=alert(1)>\n\n![i](data:x)',
    "footnote[^1]\n\n[^1]: note",
  ];

  it("gives the same HTML as the component, for ordinary and hostile text", () => {
    for (const text of corpus) expect(normal(markdownToHtml(text)), text).toBe(normal(html(text)));
  });

  it("never puts out script, event handlers or unsafe addresses", () => {
    const out = [...corpus, "- [ ] task\n- [x] done"].map(markdownToHtml).join("\n");
    expect(out).not.toMatch(/<script|onerror|onclick|javascript:|data:|vbscript:/i);
    expect(out).toContain('rel="noopener noreferrer nofollow"');
  });
});

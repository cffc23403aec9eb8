// Markdown as people write it in answers (lists, links, code, tables), rendered safely: raw HTML
// is never rendered, and the sanitizer drops scripts, event handlers and javascript: links.
// Emphasis next to Japanese punctuation (**「…」**を) is bold as the writer meant, which plain
// CommonMark leaves as literal asterisks.
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import remarkCjkFriendly from "remark-cjk-friendly";
import rehypeSanitize from "rehype-sanitize";
import { safeUrl } from "@/lib/markdown-url";

export function Markdown({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`markdown ${className}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkCjkFriendly]}
        rehypePlugins={[rehypeSanitize]}
        skipHtml
        urlTransform={safeUrl}
        components={{
          a: ({ node: _node, ...props }) => (
            <a {...props} target="_blank" rel="noopener noreferrer nofollow" />
          ),
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}

export default Markdown;

// Which link and image addresses in readers' Markdown are kept: web, mail, in-page and relative
// ones. Anything else with a scheme (javascript:, data:, vbscript:, …) becomes an empty address.
import { defaultUrlTransform } from "react-markdown";

export function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/)/i.test(cleaned) || !/^[a-z][a-z0-9+.-]*:/i.test(cleaned)
    ? cleaned
    : "";
}

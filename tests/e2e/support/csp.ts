import type { Page } from "@playwright/test";

/** Collects what Chromium reports of a Content-Security-Policy refusing something on the page. */
export function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text()))
      violations.push(m.text());
  });
  return violations;
}

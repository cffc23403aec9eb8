// Time in end-to-end tests: the server's clock is moved per browser context by a cookie (the test
// server runs with E2E_TEST_CLOCK=1), the page's by Playwright's fake clock.
import type { BrowserContext, Page, Route } from "@playwright/test";
import { TEST_CLOCK_COOKIE } from "../../../lib/clock-cookie";

export const MIN = 60_000;

/** Moves the server's clock for this context's requests (the e2e server runs with E2E_TEST_CLOCK=1). */
export async function setServerClock(context: BrowserContext, offsetMs: number): Promise<void> {
  await context.addCookies([
    {
      name: TEST_CLOCK_COOKIE,
      value: String(Math.round(offsetMs)),
      domain: "127.0.0.1",
      path: "/",
    },
  ]);
}

/** "49:58" → seconds (negative for "+01:02" overtime). */
export function clockSeconds(text: string): number {
  const m = /^(\+)?(\d+):(\d\d)$/.exec(text.trim());
  if (!m) throw new Error(`not a clock: ${text}`);
  const s = Number(m[2]) * 60 + Number(m[3]);
  return m[1] ? -s : s;
}

/**
 * Moves both clocks forward by `ms`: the server's (for this context, by cookie) and the page's
 * (Playwright's fake clock). Clock measurements the page makes in between would see one clock
 * moved and not the other, so they are refused while the two move.
 */
export async function jumpClocks(
  page: Page,
  context: BrowserContext,
  state: { offset: number },
  ms: number,
): Promise<void> {
  const refuse = (route: Route) => route.abort();
  await page.route("**/api/time", refuse);
  state.offset += ms;
  await setServerClock(context, state.offset);
  await page.clock.fastForward(ms);
  await page.unroute("**/api/time", refuse);
}

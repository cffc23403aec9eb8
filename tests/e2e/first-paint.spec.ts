// A page's first paint holds the whole page, even when its HTML arrives in parts: a browser
// paints what it has parsed so far when the rest is late (a slow network, a busy server), and a
// row of buttons painted half there moves as the rest arrives. Here a stand-in network between
// the browser and the app delivers a page's HTML in two parts, a second apart.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, makeUser, makeReading, signInOverHttp } from "./support/fixtures";

/**
 * Forwards everything to the app; the HTML of `path` arrives cut in the middle of its <main>,
 * the rest `delayMs` later.
 */
async function splittingNetwork(app: string, path: string, delayMs: number) {
  const target = new URL(app);
  const server: Server = createServer((req, res) => {
    const headers = { ...req.headers, host: target.host };
    if (req.url !== path) {
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
      return;
    }
    void (async () => {
      const answer = await fetch(`${app}${path}`, {
        headers: { cookie: req.headers.cookie ?? "", "accept-language": "en" },
        redirect: "manual",
      });
      const html = await answer.text();
      const start = html.indexOf("<main");
      const end = html.indexOf("</main>");
      expect(start, "the page has its <main>").toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      const cut = Math.floor((start + end) / 2);
      const out: Record<string, string> = {};
      answer.headers.forEach((value, key) => {
        if (!["content-length", "content-encoding", "transfer-encoding"].includes(key))
          out[key] = value;
      });
      res.writeHead(answer.status, out);
      res.write(html.slice(0, cut));
      await new Promise((r) => setTimeout(r, delayMs));
      res.end(html.slice(cut));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

test("the reading page is painted whole the first time, though its HTML arrives in two parts", async ({
  browser,
  baseURL,
}) => {
  const user = await makeUser();
  const r = await makeReading(user, { startedAgoMs: 5 * 60_000 });
  const path = `/en${r.path}`;
  const network = await splittingNetwork(baseURL!, path, 1000);
  try {
    for (const viewport of [
      { width: 1350, height: 940 },
      { width: 412, height: 823 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await signInOverHttp(page.request, user);
      await page.addInitScript(() => {
        const seen = { firstFrame: null as null | { pageEnd: boolean; at: number }, shifts: 0 };
        Object.assign(window, { seen });
        // Frames are not drawn while the page's first paint waits: the first callback is the
        // first paint.
        requestAnimationFrame(() => {
          seen.firstFrame = {
            pageEnd: document.getElementById("page-end") !== null,
            at: performance.now(),
          };
        });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            seen.shifts += (entry as unknown as { value: number }).value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${network.base}${path}`);
      // Loaded: the summary form has taken its placeholder's place.
      await expect(page.getByRole("textbox", { name: "What is it?" })).toBeVisible();
      await expect(page.getByTestId("summary-skeleton")).toHaveCount(0);
      const seen = () =>
        page.evaluate(
          () =>
            (
              window as unknown as {
                seen: { firstFrame: { pageEnd: boolean; at: number } | null; shifts: number };
              }
            ).seen,
        );
      await expect.poll(async () => (await seen()).firstFrame).not.toBeNull();
      const first = (await seen()).firstFrame!;
      expect(
        first.pageEnd,
        `${viewport.width} px: the whole page is there at the first paint`,
      ).toBe(true);
      expect(first.at).toBeGreaterThan(1000);
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))),
      );
      expect((await seen()).shifts, `${viewport.width} px: nothing moved`).toBe(0);
      await context.close();
    }
  } finally {
    network.close();
  }
});

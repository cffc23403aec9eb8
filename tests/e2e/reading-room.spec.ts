// The reading room: the paper's PDF beside the form (served by the app from a stand-in for arXiv),
// a figure cut from page 1 into the answer the reader was in, with the paper's credit line; text
// quoted with its page; images pasted; refusals explained; rights on the image's address; and the
// figure on the recap slide and in the minutes' Markdown export.
import type { Page, TestInfo } from "@playwright/test";
import {
  test,
  expect,
  makeUser,
  makeReading,
  signedInPage,
  setMeetingPhase,
  uniqueId,
} from "./support/fixtures";
import { testDb } from "./support/db";
import { watchViolations } from "./support/csp";

/** A reading of an arXiv paper (the stand-in serves every arXiv id's PDF but a few). */
async function arxivReading(locale: "ja" | "en", arxivId = `2312.${uniqueId()}`) {
  const user = await makeUser({ locale });
  const r = await makeReading(user, { startedAgoMs: 60_000 });
  const reading = await testDb().reading.findUniqueOrThrow({
    where: { id: r.readingId },
    select: { paperId: true },
  });
  await testDb().paper.update({
    where: { id: reading.paperId },
    data: { arxivId, arxivVersion: 1, title: "A Tiny Paper on Action Chunking" },
  });
  return { user, ...r, arxivId };
}

/**
 * Opens the paper and waits for page 1's text to be drawn. The first open in a run also loads
 * pdf.js and starts its worker, which on CI's two busy cores can take longer than one expect's
 * default wait; the state waited for is the same.
 */
async function openPaper(page: Page, name: RegExp) {
  await page.getByRole("button", { name }).click();
  await expect(page.getByTestId("pdf-viewer")).toBeVisible();
  await expect(
    page.locator('.page[data-page-number="1"] .textLayer').getByText("A Tiny Paper"),
  ).toBeVisible({ timeout: 30_000 });
}

async function attach(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Drags over the red figure of the test PDF (x 72–372, y 380–600 of a 612 × 792 page). */
async function dragOverFigure(page: Page) {
  const box = (await page.locator('.page[data-page-number="1"]').boundingBox())!;
  const k = box.width / 612;
  const from = { x: box.x + 64 * k, y: box.y + (792 - 610) * k };
  const to = { x: box.x + 380 * k, y: box.y + (792 - 352) * k };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

test("a figure and a sentence go from the paper into the answer the reader was in (ja)", async ({
  browser,
}, testInfo) => {
  test.slow();
  const r = await arxivReading("ja");
  const { page, context } = await signedInPage(browser, r.user, {
    locale: "ja",
    viewport: { width: 1440, height: 900 },
  });
  // pdf.js, its worker and its fonts run under the page's Content-Security-Policy.
  const violations = watchViolations(page);
  await page.goto(`/ja${r.path}`);
  const keyTechnique = page.getByRole("textbox", { name: "技術や手法のキモはどこ？" });
  await keyTechnique.fill("- 行動をまとめて予測する");
  await openPaper(page, /論文を開く/);
  // Side by side on a laptop: the PDF on the left, the countdown and the form on the right.
  const viewer = (await page.getByTestId("pdf-viewer").boundingBox())!;
  const clock = (await page.getByTestId("time-left").boundingBox())!;
  expect(viewer.x + viewer.width).toBeLessThanOrEqual(clock.x + 1);
  await expect(page.getByTestId("time-left")).toBeInViewport();

  await keyTechnique.click();
  await page.getByRole("button", { name: "図を引用" }).click();
  await dragOverFigure(page);
  await expect(page.getByTestId("room-notice")).toHaveText(
    "「技術や手法のキモはどこ？」に追加しました。",
  );
  await expect(keyTechnique).toHaveValue(
    /^- 行動をまとめて予測する\n\n!\[1ページの図\]\(\/api\/images\/[\w-]+\)\n\[1\]より引用\n$/,
  );
  const src = /\/api\/images\/[\w-]+/.exec(await keyTechnique.inputValue())![0];
  // The figure is a PNG of the red box, drawn at twice its size on screen.
  const image = await page.request.get(src);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");
  const red = await page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(bitmap, 0, 0);
    const [r, g, b] = ctx.getImageData(bitmap.width / 2, bitmap.height / 2, 1, 1).data;
    return { width: bitmap.width, r, g, b };
  }, src);
  expect(red.width).toBeGreaterThan(300);
  expect(red.r).toBeGreaterThan(180);
  expect(red.g).toBeLessThan(80);

  // A sentence: select it in the text layer, press "引用".
  await page.getByRole("textbox", { name: "議論はある？" }).click();
  await page
    .locator('.page[data-page-number="1"] .textLayer')
    .getByText("We propose predicting chunks")
    .click({ clickCount: 3 });
  await page.getByTestId("quote-text").click();
  await expect(page.getByRole("textbox", { name: "議論はある？" })).toHaveValue(
    /^> We propose predicting chunks of actions for fine bimanual manipulation\.? ?\(p\. 1\)\n$/,
  );
  await attach(page, testInfo, "reading-room-ja-1440.png");

  // Search in the paper, and the keys: → to the next page, 0 to fit the width again.
  await page.getByRole("searchbox", { name: "論文内を検索" }).fill("chunks");
  await expect(page.getByTestId("pdf-viewer")).toContainText("2 件中 1 件目");
  await page.getByTestId("pdf-scroll").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("pdf-page")).toHaveValue("2");
  await page.keyboard.press("+");
  await page.keyboard.press("0");
  await expect(page.locator('.page[data-page-number="2"] .textLayer')).toContainText("Results");
  // A narrower window keeps the page fitted to the pane's width.
  const fitted = async () => {
    const pane = (await page.getByTestId("pdf-scroll").boundingBox())!;
    const sheet = (await page.locator('.page[data-page-number="2"]').boundingBox())!;
    return pane.width - sheet.width;
  };
  const wideMargin = await fitted();
  await page.setViewportSize({ width: 1100, height: 900 });
  // (Within a scroll bar's width: the bar may come or go with the new height.)
  await expect.poll(async () => Math.abs((await fitted()) - wideMargin)).toBeLessThan(20);
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(violations).toEqual([]);

  // Saved like any typing: a reload shows both.
  await expect(page.getByTestId("sticky-status")).toContainText(/に保存/);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "技術や手法のキモはどこ？" })).toHaveValue(
    /\[1\]より引用/,
  );
  // …and the paper open again, on the page the reader was on.
  await expect(page.getByTestId("pdf-page")).toHaveValue("2");
  await expect(page.locator('.page[data-page-number="2"] .textLayer')).toContainText("Results", {
    timeout: 30_000,
  });
  await expect(page.locator('.page[data-page-number="2"]')).toBeInViewport();
  // Closed, it stays closed.
  await page.getByRole("button", { name: /論文を閉じる/ }).click();
  await page.reload();
  await expect(page.getByRole("button", { name: /論文を開く/ })).toBeVisible();
  await expect(page.getByTestId("pdf-viewer")).toHaveCount(0);
  await context.close();
});

test("a page turned as the pane is re-fitted stays the reader's page, across a reload (en)", async ({
  browser,
}) => {
  const r = await arxivReading("en");
  const { page, context } = await signedInPage(browser, r.user, {
    locale: "en",
    viewport: { width: 1440, height: 900 },
  });
  await page.goto(`/en${r.path}`);
  await openPaper(page, /Open the paper/);
  // The reader turns to page 2 and, in the same frame, the pane changes width (a window resized,
  // a scroll bar appearing as pages load): the re-fit runs before pdf.js has seen the new page.
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => {
          const pane = document.querySelector<HTMLElement>('[data-testid="pdf-scroll"]')!;
          pane.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
          pane.style.width = `${pane.clientWidth - 120}px`;
          requestAnimationFrame(() => requestAnimationFrame(() => done()));
        }),
      ),
  );
  await expect(page.getByTestId("pdf-page")).toHaveValue("2");
  await expect(page.locator('.page[data-page-number="2"]')).toBeInViewport({ ratio: 0.5 });
  await page.reload();
  await expect(page.locator('.page[data-page-number="2"] .textLayer')).toContainText("Results", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("pdf-page")).toHaveValue("2");
  await context.close();
});

/** Pastes (or drops) files into a text box as the browser would deliver them. */
async function deliverFiles(
  page: Page,
  label: string,
  files: { name: string; type: string; bytes: number[]; size?: number }[],
  how: "paste" | "drop",
) {
  await page.getByRole("textbox", { name: label }).evaluate(
    (box, { files, how }) => {
      const data = new DataTransfer();
      for (const f of files) {
        const bytes = new Uint8Array(f.size ?? f.bytes.length);
        bytes.set(f.bytes);
        data.items.add(new File([bytes], f.name, { type: f.type }));
      }
      box.dispatchEvent(
        how === "paste"
          ? new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    },
    { files, how },
  );
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test("images pasted or dropped into an answer; too large or not an image is refused; only members see them (en)", async ({
  browser,
}) => {
  test.slow();
  const r = await arxivReading("en");
  const { page, context } = await signedInPage(browser, r.user, { locale: "en" });
  await page.goto(`/en${r.path}`);
  const answer = page.getByRole("textbox", { name: "What is it?" });
  await answer.fill("- a robot");
  // A real picture, as a screenshot tool puts it on the clipboard.
  const png = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(40, 30);
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#0a7";
    ctx.fillRect(0, 0, 40, 30);
    const blob = await canvas.convertToBlob({ type: "image/png" });
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  await answer.click();
  await deliverFiles(
    page,
    "What is it?",
    [{ name: "screenshot.png", type: "image/png", bytes: png }],
    "paste",
  );
  await expect(answer).toHaveValue(/^- a robot\n\n!\[Image\]\(\/api\/images\/[\w-]+\)\n$/);
  const src = /\/api\/images\/[\w-]+/.exec(await answer.inputValue())![0];

  // 4 MB: refused at once, in words; nothing added.
  await deliverFiles(
    page,
    "What is it?",
    [{ name: "huge.png", type: "image/png", bytes: PNG_SIGNATURE, size: 4 * 1024 * 1024 }],
    "paste",
  );
  await expect(page.getByTestId("image-notice-whatIsIt")).toHaveText(
    "The image is larger than 3 MB. Crop or shrink it and try again.",
  );
  // A program renamed to .png, dropped in: the server reads its bytes and refuses it.
  await deliverFiles(
    page,
    "What is it?",
    [{ name: "figure.png", type: "image/png", bytes: [0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0] }],
    "drop",
  );
  await expect(page.getByTestId("image-notice-whatIsIt")).toHaveText(
    "Only PNG, JPEG, GIF and WebP images can be added.",
  );
  await expect(answer).toHaveValue(/^- a robot\n\n!\[Image\]\(\/api\/images\/[\w-]+\)\n$/);

  // The server refuses the same on its own, whatever a client claims.
  const big = await page.request.post(`/api/readings/${r.readingId}/images`, {
    data: Buffer.concat([Buffer.from(PNG_SIGNATURE), Buffer.alloc(4 * 1024 * 1024)]),
    headers: { "content-type": "image/png" },
  });
  expect(big.status()).toBe(413);
  expect((await big.json()).error.reason).toBe("tooLarge");

  // The picture: its reader sees it; a signed-in stranger and a visitor get 404.
  const own = await page.request.get(src);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("image/png");
  const stranger = await signedInPage(browser, await makeUser());
  expect((await stranger.page.request.get(src)).status()).toBe(404);
  const visitor = await browser.newContext();
  expect((await visitor.request.get(src)).status()).toBe(404);
  await Promise.all([stranger.context.close(), visitor.close(), context.close()]);
});

test("a quoted figure shows on the recap slide, in the published minutes and in the Markdown and Zenn exports (ja)", async ({
  browser,
}) => {
  test.slow();
  const r = await arxivReading("ja");
  const { page, context } = await signedInPage(browser, r.user, {
    locale: "ja",
    viewport: { width: 1280, height: 860 },
  });
  await page.goto(`/ja${r.path}`);
  const validation = page.getByRole("textbox", { name: "どうやって有効だと検証した？" });
  await validation.click();
  await openPaper(page, /論文を開く/);
  await page.getByRole("button", { name: "図を引用" }).click();
  await dragOverFigure(page);
  await expect(validation).toHaveValue(/\[1\]より引用/);
  await expect(page.getByTestId("sticky-status")).toContainText(/に保存/);
  const id = /\/api\/images\/([\w-]+)/.exec(await validation.inputValue())![1]!;

  // The recap: the figure is on the reader's slide, loaded.
  await testDb().meeting.update({
    where: { id: r.meetingId },
    data: { phase: "RECAP", recapOrder: JSON.stringify([r.readingId]) },
  });
  await page.goto(`/ja${r.path}/recap`);
  const figure = page.getByTestId("recap-slide").locator(`img[src="/api/images/${id}"]`);
  await expect(figure).toBeVisible();
  await expect
    .poll(() => figure.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(300);

  // The minutes' Markdown export: a .zip of the article and the image it names.
  await setMeetingPhase(r.meetingId, "CLOSED");
  const { unzipSync, strFromU8 } = await import("fflate");
  const md = await page.request.get(`/api/meetings/${r.meetingId}/minutes?format=md&locale=ja`);
  expect(md.headers()["content-type"]).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await md.body()));
  const article = Object.keys(files).find((f) => f.endsWith(".md"))!;
  expect(strFromU8(files[article]!)).toContain(`![1ページの図](images/${id}.png)\n[1]より引用`);
  expect([...files[`images/${id}.png`]!.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // Zenn's repository layout: articles/<slug>.md, images/<slug>/<file>, linked from the root.
  const zenn = unzipSync(
    new Uint8Array(
      await (
        await page.request.get(`/api/meetings/${r.meetingId}/minutes?format=zenn&locale=ja`)
      ).body(),
    ),
  );
  const zennArticle = Object.keys(zenn).find((f) => f.startsWith("articles/"))!;
  const slug = zennArticle.replace(/^articles\/|\.md$/g, "");
  expect(strFromU8(zenn[zennArticle]!)).toContain(`](/images/${slug}/${id}.png)`);
  expect(zenn[`images/${slug}/${id}.png`]).toBeDefined();

  // Published: a visitor without an account sees the figure through the minutes' link.
  const token = `room${r.meetingId}`.slice(0, 32).padEnd(32, "x");
  await testDb().meeting.update({
    where: { id: r.meetingId },
    data: { minutesToken: token, minutesPublishedAt: new Date() },
  });
  const visitor = await browser.newContext({ locale: "ja-JP" });
  const v = await visitor.newPage();
  await v.goto(`/ja/m/${token}`);
  const shown = v.getByTestId("minutes").locator("img");
  await expect(shown).toHaveAttribute("src", `/api/images/${id}?minutes=${token}`);
  await expect
    .poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(300);
  await expect(v.getByTestId("minutes")).toContainText("[1]より引用");
  // The same address without the link's token: no.
  expect((await v.request.get(`/api/images/${id}`)).status()).toBe(404);
  await Promise.all([visitor.close(), context.close()]);
});

test("a paper the server cannot show says why and links to it; on a phone the paper and the form are tabs (ja)", async ({
  browser,
}, testInfo) => {
  // The link answers with a sign-in page instead of a PDF.
  const r = await arxivReading("ja", `2401.00003`);
  const { page, context } = await signedInPage(browser, r.user, {
    locale: "ja",
    viewport: { width: 390, height: 844 },
  });
  await page.goto(`/ja${r.path}`);
  await page.getByRole("button", { name: "論文を開く" }).click();
  const panel = page.getByTestId("pdf-viewer");
  await expect(panel.getByRole("alert")).toHaveText(/論文のリンク先が PDF ではありません。/);
  await expect(panel.getByRole("link", { name: "新しいタブで開く" })).toHaveAttribute(
    "href",
    "https://arxiv.org/abs/2401.00003",
  );
  // A phone: the paper and the summary take turns, the time left stays in the tab bar.
  await expect(page.getByTestId("room-time-left")).toHaveText(/\d\d:\d\d/);
  await expect(page.getByRole("textbox", { name: "どんなもの？" })).toBeHidden();
  await page.getByRole("tab", { name: "まとめ" }).click();
  await expect(page.getByRole("textbox", { name: "どんなもの？" })).toBeVisible();
  await expect(panel).toBeHidden();
  await page.getByRole("tab", { name: "論文" }).click();
  await expect(panel).toBeVisible();
  await attach(page, testInfo, "reading-room-ja-390-not-a-pdf.png");

  // A link a reader typed that points inside the server's network is refused, not fetched.
  const reading = await testDb().reading.findUniqueOrThrow({
    where: { id: r.readingId },
    select: { paperId: true },
  });
  await testDb().paper.update({
    where: { id: reading.paperId },
    data: { arxivId: null, url: "http://169.254.169.254/latest/meta-data/paper.pdf" },
  });
  const refused = await page.request.get(`/api/readings/${r.readingId}/pdf`);
  expect(refused.status()).toBe(502);
  expect((await refused.json()).error.reason).toBe("refused");
  await context.close();
});

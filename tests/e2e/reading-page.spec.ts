// The reading page during the 50 minutes: what stays in view, what links where.
import {
  test,
  expect,
  makeUser,
  makeReading,
  addMember,
  addReading,
  makeGroup,
  makeMeeting,
  readingCount,
  signedInPage,
  MeetingPage,
  SummaryForm,
  uniqueId,
  holdRequests,
} from "./support/fixtures";
import { testDb } from "./support/db";
import { COMPILE_HINT } from "../../scripts/compile-hints.mjs";

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`the time left and the save status stay in view while writing the last question (${viewport.width} px)`, async ({
    browser,
  }) => {
    const user = await makeUser();
    const r = await makeReading(user, { startedAgoMs: 46 * 60_000 });
    const { page, context } = await signedInPage(browser, user, { viewport });
    await page.goto(`/en${r.path}`);
    const form = new SummaryForm(page);
    const last = form.answer("Which paper should be read next?");
    await last.click();
    await last.pressSequentially("- Mask R-CNN", { delay: 10 });
    const bar = page.getByTestId("sticky-status");
    await expect(last).toBeFocused();
    await expect(bar).toBeInViewport();
    // Less than 5 minutes left: amber digits, the time the server keeps.
    await expect(bar.getByTestId("sticky-time")).toHaveText(/^0[34]:\d\d$/);
    await expect(bar.getByTestId("sticky-time")).toHaveClass(/amber/);
    await form.saved();
    await expect(bar.getByTestId("save-status")).toBeInViewport();
    await context.close();
  });
}

test("the projector view shows every reader's countdown, overtime marked, in both languages", async ({
  browser,
}, testInfo) => {
  const facilitator = await makeUser({ name: "Fumi Facilitator" });
  const reading = await makeReading(facilitator, { startedAgoMs: 20 * 60_000 });
  const late = await makeUser({ name: "Late Larry" });
  await addMember(reading.groupSlug, late.id);
  await addReading(reading.meetingId, late.id, { startedAgoMs: 53 * 60_000 });
  for (const locale of ["en", "ja"] as const) {
    const { page, context } = await signedInPage(browser, facilitator, {
      locale,
      viewport: { width: 1920, height: 1080 },
    });
    await page.goto(`/${locale}${reading.path}`);
    await page
      .getByRole("link", { name: locale === "en" ? "Projector view" : "プロジェクター表示" })
      .click();
    const projector = page.getByTestId("projector");
    await expect(projector).toBeVisible();
    const larry = projector.locator('[data-reader="Late Larry"]');
    await expect(larry).toHaveAttribute("data-status", "overtime");
    await expect(larry.getByTestId("projector-time")).toHaveText(/^\+0[23]:\d\d$/);
    await expect(projector.locator('[data-reader="Fumi Facilitator"]')).toHaveAttribute(
      "data-status",
      "reading",
    );
    await expect(page.getByTestId("projector-summary")).toContainText(
      locale === "en" ? "1 reading · 1 in overtime" : "読書中 1 · 超過 1",
    );
    await page.screenshot({ path: testInfo.outputPath(`projector-${locale}-1920.png`) });
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(new RegExp(`/${locale}${reading.path}$`));
    await context.close();
  }
});

test("before starting, a reader can pick another paper or leave the meeting", async ({
  browser,
}) => {
  const owner = await makeUser();
  const group = await makeGroup(owner.id);
  const meeting = await makeMeeting(group.slug, owner.id, 1, { phase: "READING" });
  const reader = await makeUser({ name: "Changing Chie" });
  await addMember(group.slug, reader.id);
  const { page, context } = await signedInPage(browser, reader);
  const meetingPage = await new MeetingPage(page).goto("en", `/groups/${group.slug}/meetings/1`);
  await meetingPage.joinWithPaper("The wrong paper");
  await expect(page.getByRole("region", { name: "Your countdown" })).toContainText(
    "The wrong paper",
  );

  await page.getByText("Change paper").click();
  const title = page.getByRole("region", { name: "Your countdown" }).getByLabel("Paper title");
  await expect(title).toHaveValue("The wrong paper");
  await title.fill("The right paper");
  await page.getByRole("button", { name: "Use this paper" }).click();
  await expect(page.getByRole("region", { name: "Your countdown" })).toContainText(
    "The right paper",
  );
  await expect(meetingPage.board.locator('[data-reader="Changing Chie"]')).toContainText(
    "The right paper",
  );

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Leave this meeting" }).click();
  await expect(page.getByRole("heading", { name: "Join with a paper" })).toBeVisible();
  await expect(page.locator('[data-reader="Changing Chie"]')).toHaveCount(0);
  expect(await readingCount(meeting.id)).toBe(0);
  await context.close();
});

test("the clock's box is painted once: the measured time replaces '--:--' in the same element", async ({
  browser,
}) => {
  const user = await makeUser();
  const r = await makeReading(user, { startedAgoMs: 5 * 60_000 });
  const { page, context } = await signedInPage(browser, user);
  // Hold the clock's first measurement until the frame has been looked at.
  const release = await holdRequests(page, "**/api/time");
  await page.goto(`/en${r.path}`);
  const clock = page.getByTestId("time-left");
  await expect(clock).toHaveText("--:--");
  const box = await clock.elementHandle();
  release();
  await expect(clock).toHaveText(/^4[45]:\d\d$/);
  // The element that showed "--:--" is the one showing the time: nothing was swapped in.
  expect(await box!.evaluate((el) => el.isConnected && el.textContent)).toMatch(/^4[45]:\d\d$/);
  await context.close();
});

test("the form's sticky bar keeps the paper's title in place when the time arrives, in overtime too", async ({
  browser,
}) => {
  const user = await makeUser();
  // Five minutes over: the time reads "+05:00", a character longer than "--:--".
  const r = await makeReading(user, { startedAgoMs: 55 * 60_000 });
  const { page, context } = await signedInPage(browser, user);
  const release = await holdRequests(page, "**/api/time");
  await page.goto(`/en${r.path}`);
  const time = page.getByTestId("sticky-time");
  await expect(time).toHaveText("--:--");
  const before = await page.getByTestId("sticky-paper").boundingBox();
  release();
  await expect(time).toHaveText(/^\+0[45]:\d\d$/);
  const after = await page.getByTestId("sticky-paper").boundingBox();
  expect(after!.x).toBe(before!.x);
  await context.close();
});

test("on a meeting of fifty readers, each reader's form still arrives on a phone", async ({
  browser,
}) => {
  test.slow();
  // A big board on a slow phone, on a first visit from a zone the server did not guess (the page
  // refreshes as it hydrates): the form, which loads after the board, still replaces its placeholder.
  const user = await makeUser();
  const r = await makeReading(user, { startedAgoMs: 60_000 });
  const { id: groupId } = await testDb().group.findUniqueOrThrow({
    where: { slug: r.groupSlug },
    select: { id: true },
  });
  const others = await Promise.all(
    Array.from({ length: 49 }, (_, i) =>
      testDb().user.create({
        data: {
          email: `crowd-${uniqueId()}@example.test`,
          name: `Crowd ${i}`,
          memberships: { create: { groupId } },
        },
        select: { id: true },
      }),
    ),
  );
  for (const other of others) await addReading(r.meetingId, other.id, { startedAgoMs: 60_000 });
  const { page, context } = await signedInPage(browser, user, {
    viewport: { width: 412, height: 823 },
    timezoneId: "Pacific/Auckland",
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(`/en${r.path}`);
  await expect(page.getByTestId("board").getByRole("listitem")).toHaveCount(50);
  await expect(page.getByRole("textbox", { name: "The paper in one sentence" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId("summary-skeleton")).toHaveCount(0);
  await context.close();
});

test("the header is painted whole on a slow phone: its links never appear one by one", async ({
  browser,
}) => {
  const user = await makeUser();
  const r = await makeReading(user);
  const { page, context } = await signedInPage(browser, user);
  // Every frame painted while the page loads: how many of the header's items it showed.
  await page.addInitScript(() => {
    const frames: number[] = [];
    (window as unknown as { headerFrames: number[] }).headerFrames = frames;
    const sample = () => {
      const nav = document.querySelector("header nav");
      if (nav) frames.push(nav.children.length);
      if (frames.length < 300) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  // A slow phone's parser stops inside the header often enough to paint it in parts (3 loads of
  // 4 at this speed, before the first paint waited for it).
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  for (let load = 0; load < 3; load++) {
    await page.goto(`/en${r.path}`);
    await expect(page.getByTestId("sticky-status")).toBeVisible();
    const frames = await page.evaluate(
      () => (window as unknown as { headerFrames: number[] }).headerFrames,
    );
    const whole = Math.max(...frames);
    expect(whole, "the signed-in header has its links, the sign-out and the language switch").toBe(
      4,
    );
    expect(
      frames.filter((n) => n !== whole),
      `load ${load + 1}: frames of a partial header`,
    ).toEqual([]);
  }
  await context.close();
});

test("the way back to the group is fetched when the reader reaches for it, not as the page opens", async ({
  browser,
}) => {
  const user = await makeUser();
  // The reader facilitates: the projector's link beside the form is prefetched as the page opens,
  // which tells this test that the page's prefetching has run.
  const r = await makeReading(user, { startedAgoMs: 60_000 });
  const { page, context } = await signedInPage(browser, user, {
    viewport: { width: 1440, height: 900 },
  });
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() !== "document" && request.headers()["rsc"] === "1")
      fetched.push(new URL(request.url()).pathname);
  });
  const groupPath = `/en/groups/${r.groupSlug}`;
  await page.goto(`/en${r.path}`);
  await expect.poll(() => fetched).toContain(`/en${r.path}/projector`);
  await expect(page.getByTestId("time-left")).toHaveText(/^\d\d:\d\d$/);
  expect(
    fetched,
    "nothing fetched the group page while the reader did not reach for it",
  ).not.toContain(groupPath);

  const back = page.getByRole("link", { name: /Back to/ });
  await back.hover();
  await expect.poll(() => fetched).toContain(groupPath);
  await back.click();
  await expect(page).toHaveURL(new RegExp(`${groupPath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
});

test("the board's rows come in the page's HTML where they show, not after it", async ({
  browser,
}) => {
  const user = await makeUser();
  const r = await makeReading(user, { startedAgoMs: 60_000 });
  const other = await makeUser({ name: "Second Reader" });
  await addMember(r.groupSlug, other.id);
  await addReading(r.meetingId, other.id, { startedAgoMs: 30_000 });
  const { page, context } = await signedInPage(browser, user);
  const html = await (await page.request.get(`/en${r.path}`)).text();
  const board = html.indexOf('data-testid="board"');
  expect(board, "the board's list is in the HTML").toBeGreaterThan(0);
  // Before the main element closes, and not held back in a hidden part that a script swaps in
  // a frame or two after the page has painted.
  expect(board).toBeLessThan(html.indexOf("</main>"));
  expect(html.slice(0, board)).not.toMatch(/<template id="B:|<div hidden id="S:/);
  expect(html.indexOf('data-reader="Second Reader"')).toBeLessThan(html.indexOf("</main>"));
  await context.close();
});

test("the scripts the reading page runs as it opens are marked to compile as they stream in", async ({
  browser,
}) => {
  const user = await makeUser();
  const r = await makeReading(user, { startedAgoMs: 60_000 });
  const { page, context } = await signedInPage(browser, user, {
    viewport: { width: 390, height: 844 },
  });
  const html = await (await page.request.get(`/en${r.path}`)).text();
  const run = [...html.matchAll(/<script(?![^>]*\snoModule)[^>]*\ssrc="([^"]+)"/gi)].map(
    (m) => m[1]!,
  );
  expect(run.length, "the page runs the framework's scripts and its own").toBeGreaterThan(3);
  for (const src of run) {
    const text = await (await page.request.get(src)).text();
    // V8's explicit compile hint (scripts/compile-hints.mjs): without it, every module body is
    // compiled on the main thread when the page starts, the longest task of a load on a phone.
    expect(text.startsWith(COMPILE_HINT), src).toBe(true);
  }
  await page.goto(`/en${r.path}`);
  await expect(page.getByTestId("time-left")).toHaveText(/^\d\d:\d\d$/);
  await context.close();
});

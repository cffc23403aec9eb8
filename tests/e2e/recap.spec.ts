import type { Page } from "@playwright/test";
import {
  test,
  expect,
  makeUser,
  makeGroup,
  addMember,
  signedInPage,
  jumpClocks,
  uniqueId,
  type TestUser,
} from "./support/fixtures";
import { testDb } from "./support/db";

/** A meeting in recap with three readers who wrote something, presenting in join order. */
async function recapMeeting() {
  const facilitator = await makeUser({ name: "Fumi Facilitator" });
  const readers: TestUser[] = [];
  const group = await makeGroup(facilitator.id);
  const g = await testDb().group.findUniqueOrThrow({
    where: { slug: group.slug },
    select: { id: true },
  });
  const meeting = await testDb().meeting.create({
    data: {
      groupId: g.id,
      number: 1,
      title: "Session 1",
      scheduledAt: new Date(),
      facilitatorId: facilitator.id,
      phase: "RECAP",
    },
    select: { id: true },
  });
  const ids: string[] = [];
  for (const [i, name] of ["Aoi Presenter", "Ben Presenter", "Chika Presenter"].entries()) {
    const u = await makeUser({ name });
    readers.push(u);
    await addMember(group.slug, u.id);
    const paper = await testDb().paper.create({
      data: {
        title: `Paper ${"ABC"[i]} ${uniqueId()}`,
        authors: JSON.stringify(["A. Author", "B. Author"]),
        year: 2023,
      },
    });
    const r = await testDb().reading.create({
      data: {
        meetingId: meeting.id,
        userId: u.id,
        paperId: paper.id,
        durationMs: 50 * 60_000,
        startedAt: new Date(Date.now() - 60 * 60_000),
        finishedAt: new Date(),
        gist: `Gist of ${name}`,
        whatIsIt: `- ${name} read a paper\n  - with **nested** notes`,
        novelty: i === 1 ? "" : "- faster",
        createdAt: new Date(Date.now() - (3 - i) * 1000),
      },
      select: { id: true },
    });
    ids.push(r.id);
  }
  await testDb().meeting.update({
    where: { id: meeting.id },
    data: { recapOrder: JSON.stringify(ids) },
  });
  return {
    facilitator,
    readers,
    group,
    meetingId: meeting.id,
    path: `/groups/${group.slug}/meetings/1`,
  };
}

const presenter = (page: Page) => page.getByTestId("presenter-name");

test.describe("the recap", () => {
  test("driven by the keyboard: order, next and back, timer colours, a reload keeping the state, the end", async ({
    browser,
  }, testInfo) => {
    const m = await recapMeeting();
    const { page, context } = await signedInPage(browser, m.facilitator, {
      viewport: { width: 1280, height: 800 },
    });
    await page.clock.install({ time: Date.now() });
    await page.goto(`/en${m.path}/recap`);
    await expect(presenter(page)).toHaveText("Aoi Presenter");
    await expect(page.getByTestId("recap-progress")).toHaveText("1 / 3");
    await expect(page.getByTestId("next-up")).toContainText("Ben Presenter");
    // Empty answers are left out.
    await expect(
      page.getByTestId("recap-slide").getByText("What is novel compared with prior work?"),
    ).toBeVisible();
    await expect(page.getByTestId("presenter-timer")).toHaveText("0:00");

    await page.keyboard.press("ArrowRight");
    const clocks = { offset: 0 };
    const jump = (ms: number) => jumpClocks(page, context, clocks, ms);
    await expect(page.getByTestId("presenter-timer")).toHaveAttribute("data-level", "normal");
    await jump(61_000);
    await expect(page.getByTestId("presenter-timer")).toHaveAttribute("data-level", "soft");
    await expect(page.getByTestId("presenter-timer")).toHaveClass(/amber/);
    await jump(60_000);
    await expect(page.getByTestId("presenter-timer")).toHaveAttribute("data-level", "hard");
    await expect(page.getByTestId("presenter-timer")).toHaveClass(/red/);
    expect(
      await page.evaluate(
        () => (window as unknown as { __yomikaiChimes?: number }).__yomikaiChimes,
      ),
    ).toBe(1);
    await page.screenshot({ path: testInfo.outputPath("recap-en-light.png") });

    // Space moves on; the second presenter has no "novel" answer, so it is left out.
    await page.keyboard.press(" ");
    await expect(presenter(page)).toHaveText("Ben Presenter");
    await expect(page.getByTestId("recap-progress")).toHaveText("2 / 3");
    await expect(
      page.getByTestId("recap-slide").getByText("What is novel compared with prior work?"),
    ).toHaveCount(0);
    await page.keyboard.press("ArrowLeft");
    await expect(presenter(page)).toHaveText("Aoi Presenter");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await expect(presenter(page)).toHaveText("Ben Presenter");

    // The state is the server's: a reload continues where it was.
    await page.reload();
    await expect(presenter(page)).toHaveText("Ben Presenter");
    await expect(page.getByTestId("recap-progress")).toHaveText("2 / 3");

    for (const key of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight"])
      await page.keyboard.press(key);
    await expect(page.getByTestId("closing-slide")).toBeVisible();
    await expect(page.getByTestId("closing-slide")).toContainText("Gist of Chika Presenter");
    // Each presenter's time is recorded (Aoi's second, shorter turn after going back counts).
    const times = await testDb().reading.findMany({
      where: { meetingId: m.meetingId },
      select: { presentedMs: true },
    });
    expect(times.every((t) => t.presentedMs !== null)).toBe(true);
    await expect(page.getByTestId("total-time")).toHaveText(/^Total: \d+:\d\d$/);

    await page.getByRole("button", { name: "Close meeting" }).click();
    await expect(page).toHaveURL(new RegExp(`/en${m.path}$`));
    await expect(page.getByTestId("phase")).toHaveText("Closed");
    await expect(page.getByTestId("closed-summaries")).toContainText("Gist of Aoi Presenter");
    await context.close();
  });

  test("a phone drives the big screen; members follow but cannot drive; others get 404", async ({
    browser,
  }) => {
    const m = await recapMeeting();
    const screen = await signedInPage(browser, m.facilitator, {
      viewport: { width: 1280, height: 800 },
    });
    await screen.page.goto(`/en${m.path}/recap`);
    await expect(presenter(screen.page)).toHaveText("Aoi Presenter");
    const phone = await signedInPage(browser, m.facilitator, {
      viewport: { width: 390, height: 844 },
    });
    await phone.page.goto(`/en${m.path}/remote`);
    await expect(phone.page.getByTestId("remote-presenter")).toHaveText("Aoi Presenter");

    const follower = await signedInPage(browser, m.readers[2]!, { locale: "ja" });
    await follower.page.goto(`/ja${m.path}/recap`);
    await expect(follower.page.getByText("閲覧中")).toBeVisible();

    await phone.page.getByRole("button", { name: "Start" }).click();
    await phone.page.getByRole("button", { name: "Next" }).click();
    await expect(presenter(screen.page)).toHaveText("Ben Presenter", { timeout: 1500 });
    await expect(presenter(follower.page)).toHaveText("Ben Presenter", { timeout: 1500 });

    // A member's keys do nothing, and the API refuses them.
    await follower.page.keyboard.press("ArrowRight");
    await follower.page.waitForTimeout(500);
    await expect(presenter(screen.page)).toHaveText("Ben Presenter");
    const refused = await follower.page.request.post(`/api/meetings/${m.meetingId}/recap`, {
      data: { command: "next" },
    });
    expect(refused.status()).toBe(403);

    const stranger = await signedInPage(browser, await makeUser());
    expect((await stranger.page.goto(`/en${m.path}/recap`))?.status()).toBe(404);
    expect(
      (
        await stranger.page.request.post(`/api/meetings/${m.meetingId}/recap`, {
          data: { command: "next" },
        })
      ).status(),
    ).toBe(404);
    const bad = await phone.page.request.post(`/api/meetings/${m.meetingId}/recap`, {
      data: { command: "explode" },
    });
    expect(bad.status()).toBe(400);
    for (const c of [screen, phone, follower, stranger]) await c.context.close();
  });

  test("the order can be shuffled, rearranged or skip a reader before it starts", async ({
    browser,
  }) => {
    const m = await recapMeeting();
    const { page, context } = await signedInPage(browser, m.facilitator);
    await page.goto(`/en${m.path}`);
    const order = page.getByTestId("recap-order");
    await expect(order.getByRole("listitem")).toHaveCount(3);
    await page.getByRole("button", { name: "Move down: Aoi Presenter" }).click();
    await expect(order.getByRole("listitem").first()).toContainText("Ben Presenter");
    await order
      .getByRole("listitem")
      .filter({ hasText: "Chika Presenter" })
      .getByRole("button", { name: "Skip" })
      .click();
    await expect(order.getByRole("listitem")).toHaveCount(2);
    await page.goto(`/en${m.path}/recap`);
    await expect(presenter(page)).toHaveText("Ben Presenter");
    await expect(page.getByTestId("recap-progress")).toHaveText("1 / 2");
    await context.close();
  });

  test("screens in both languages and both themes (saved as artifacts)", async ({
    browser,
  }, testInfo) => {
    const m = await recapMeeting();
    for (const locale of ["ja", "en"] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const context = await browser.newContext({
          locale: locale === "ja" ? "ja-JP" : "en-US",
          colorScheme: scheme,
          viewport: { width: 1280, height: 800 },
        });
        const page = await context.newPage();
        const { signInOverHttp } = await import("./support/fixtures");
        await signInOverHttp(page.request, m.facilitator);
        await page.goto(`/${locale}${m.path}/recap`);
        await expect(page.getByTestId("recap-screen")).toHaveAttribute("data-theme", scheme);
        await expect(presenter(page)).toHaveText("Aoi Presenter");
        const file = testInfo.outputPath(`recap-${locale}-${scheme}.png`);
        await page.screenshot({ path: file });
        await testInfo.attach(`recap-${locale}-${scheme}`, {
          path: file,
          contentType: "image/png",
        });
        await context.close();
      }
    }
  });
});

test.describe("the recap, live", () => {
  test("shows an answer edited during the recap and a reader who joins during it", async ({
    browser,
  }) => {
    const m = await recapMeeting();
    const screen = await signedInPage(browser, m.facilitator, {
      viewport: { width: 1280, height: 800 },
    });
    await screen.page.goto(`/en${m.path}/recap`);
    await expect(presenter(screen.page)).toHaveText("Aoi Presenter");

    // Aoi adds a line to their answer on their own device while presenting.
    const aoi = await signedInPage(browser, m.readers[0]!);
    await aoi.page.goto(`/en${m.path}`);
    const box = aoi.page.getByRole("textbox", { name: "What is it?", exact: true });
    await box.fill(`${await box.inputValue()}\n- added during the recap`);
    await expect(aoi.page.getByTestId("save-status")).toHaveText(/^Saved at /);
    await expect(screen.page.getByTestId("recap-slide")).toContainText("added during the recap");

    // Someone arrives late and joins with a paper: they present last, with their own slide.
    const late = await makeUser({ name: "Dai Latecomer" });
    await addMember(m.group.slug, late.id);
    const dai = await signedInPage(browser, late);
    await dai.page.goto(`/en${m.path}`);
    await dai.page.getByLabel("Paper title").fill("A paper read late");
    await dai.page.getByRole("button", { name: "Join as a reader" }).click();
    await expect(screen.page.getByTestId("recap-progress")).toHaveText("1 / 4");
    for (let i = 0; i < 3; i++) {
      await screen.page.keyboard.press("ArrowRight");
      await screen.page.keyboard.press("ArrowRight");
    }
    await screen.page.keyboard.press("ArrowRight");
    await expect(presenter(screen.page)).toHaveText("Dai Latecomer");
    await expect(screen.page.getByTestId("recap-slide")).toContainText("A paper read late");
    for (const c of [screen, aoi, dai]) await c.context.close();
  });
});

test("a refused recap command is explained in the user's language, never as a code", async ({
  browser,
}) => {
  const m = await recapMeeting();
  const { page, context } = await signedInPage(browser, m.facilitator, { locale: "ja" });
  await page.goto(`/ja${m.path}/remote`);
  await expect(page.getByTestId("remote-presenter")).toHaveText("Aoi Presenter");
  // Another device closes the meeting; this remote has not heard yet and presses "next".
  await testDb().meeting.update({ where: { id: m.meetingId }, data: { phase: "CLOSED" } });
  await page.getByTestId("recap-remote").getByRole("button", { name: "開始" }).click();
  const alert = page.getByTestId("recap-remote").getByRole("alert");
  await expect(alert).toHaveText("発表はもう行われていません。");
  await expect(alert).not.toContainText("wrongPhase");
  await context.close();
});

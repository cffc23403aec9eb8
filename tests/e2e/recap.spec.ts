import {
  test,
  expect,
  signedInPage,
  signInOverHttp,
  makeUser,
  addMember,
  makeRecapMeeting,
  jumpClocks,
  RecapScreen,
  RecapRemote,
  setMeetingPhase,
  rememberTimeZone,
  recapIndex,
  holdRequests,
} from "./support/fixtures";
import { testDb } from "./support/db";

test.describe("the recap", () => {
  test("driven by the keyboard: order, next and back, timer colours, a reload keeping the state, the end", async ({
    browser,
  }, testInfo) => {
    const m = await makeRecapMeeting();
    const { page, context } = await signedInPage(browser, m.facilitator, {
      viewport: { width: 1280, height: 800 },
    });
    await page.clock.install({ time: Date.now() });
    await page.goto(`/en${m.path}/recap`);
    await expect(new RecapScreen(page).presenter).toHaveText("Aoi Presenter");
    await expect(new RecapScreen(page).progress).toHaveText("1 / 3");
    await expect(new RecapScreen(page).nextUp).toContainText("Ben Presenter");
    // Empty answers are left out.
    await expect(
      new RecapScreen(page).slide.getByText("What is novel compared with prior work?"),
    ).toBeVisible();
    // The presenter's time against the group's limit.
    await expect(new RecapScreen(page).timer).toHaveText(/^0:00\s*of 2:00/);

    await page.keyboard.press("ArrowRight");
    const clocks = { offset: 0 };
    const jump = (ms: number) => jumpClocks(page, context, clocks, ms);
    await expect(new RecapScreen(page).timer).toHaveAttribute("data-level", "normal");
    await jump(61_000);
    await expect(new RecapScreen(page).timer).toHaveAttribute("data-level", "soft");
    await expect(page.getByTestId("presenter-progress")).toHaveAttribute("data-level", "soft");
    await expect(new RecapScreen(page).timer).toHaveClass(/--warn/);
    await jump(60_000);
    await expect(new RecapScreen(page).timer).toHaveAttribute("data-level", "hard");
    await expect(page.getByTestId("presenter-progress")).toHaveAttribute("data-level", "hard");
    await expect(page.getByTestId("presenter-progress")).toHaveAttribute("aria-valuenow", "120");
    await expect(new RecapScreen(page).timer).toHaveClass(/--late/);
    expect(
      await page.evaluate(
        () => (window as unknown as { __yomikaiChimes?: number }).__yomikaiChimes,
      ),
    ).toBe(1);
    await page.screenshot({ path: testInfo.outputPath("recap-en-light.png") });

    // Space moves on; the second presenter has no "novel" answer, so it is left out.
    await page.keyboard.press(" ");
    await expect(new RecapScreen(page).presenter).toHaveText("Ben Presenter");
    await expect(new RecapScreen(page).progress).toHaveText("2 / 3");
    await expect(
      new RecapScreen(page).slide.getByText("What is novel compared with prior work?"),
    ).toHaveCount(0);
    await page.keyboard.press("ArrowLeft");
    await expect(new RecapScreen(page).presenter).toHaveText("Aoi Presenter");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await expect(new RecapScreen(page).presenter).toHaveText("Ben Presenter");

    // The state is the server's: once it has answered every press, a reload continues there.
    await expect(page.getByTestId("recap-screen")).toHaveAttribute("data-syncing", "false");
    expect(await recapIndex(m.meetingId)).toBe(1);
    await page.reload();
    await expect(new RecapScreen(page).presenter).toHaveText("Ben Presenter");
    await expect(new RecapScreen(page).progress).toHaveText("2 / 3");

    for (const key of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight"])
      await page.keyboard.press(key);
    await expect(new RecapScreen(page).closingSlide).toBeVisible();
    await expect(new RecapScreen(page).closingSlide).toContainText("Gist of Chika Presenter");
    // Each presenter's time is recorded (Aoi's second, shorter turn after going back counts) once
    // the server has every press (the screen moved before it answered).
    await expect
      .poll(async () =>
        (
          await testDb().reading.findMany({
            where: { meetingId: m.meetingId },
            select: { presentedMs: true },
          })
        ).every((t) => t.presentedMs !== null),
      )
      .toBe(true);
    await expect(page.getByTestId("total-time")).toHaveText(/^Total: \d+:\d\d$/);

    // Closing asks first, as on the meeting page.
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Close meeting" }).click();
    await expect(page).toHaveURL(new RegExp(`/en${m.path}$`));
    expect(asked).toEqual(["confirm"]);
    await expect(page.getByTestId("phase")).toHaveText("Closed");
    await expect(page.getByTestId("closed-summaries")).toContainText("Gist of Aoi Presenter");
    await context.close();
  });

  test("a phone drives the big screen; members follow but cannot drive; others get 404", async ({
    browser,
  }) => {
    const m = await makeRecapMeeting();
    const screen = await signedInPage(browser, m.facilitator, {
      viewport: { width: 1280, height: 800 },
    });
    await screen.page.goto(`/en${m.path}/recap`);
    await expect(new RecapScreen(screen.page).presenter).toHaveText("Aoi Presenter");
    const phone = await signedInPage(browser, m.facilitator, {
      viewport: { width: 390, height: 844 },
    });
    await phone.page.goto(`/en${m.path}/remote`);
    await expect(new RecapRemote(phone.page).presenter).toHaveText("Aoi Presenter");

    const follower = await signedInPage(browser, m.readers[2]!, { locale: "ja" });
    await follower.page.goto(`/ja${m.path}/recap`);
    await expect(follower.page.getByText("閲覧中")).toBeVisible();

    await phone.page.getByRole("button", { name: "Start" }).click();
    await phone.page.getByRole("button", { name: "Next" }).click();
    // Followed live, without a reload (how fast is the bench's to measure, not a busy test run's).
    await expect(new RecapScreen(screen.page).presenter).toHaveText("Ben Presenter");
    await expect(new RecapScreen(follower.page).presenter).toHaveText("Ben Presenter");

    // A member's keys do nothing, and the API refuses them.
    await follower.page.keyboard.press("ArrowRight");
    await follower.page.waitForTimeout(500);
    await expect(new RecapScreen(screen.page).presenter).toHaveText("Ben Presenter");
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
    const m = await makeRecapMeeting();
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
    await expect(new RecapScreen(page).presenter).toHaveText("Ben Presenter");
    await expect(new RecapScreen(page).progress).toHaveText("1 / 2");
    await context.close();
  });

  test("screens in both languages and both themes (saved as artifacts)", async ({
    browser,
  }, testInfo) => {
    const m = await makeRecapMeeting();
    for (const locale of ["ja", "en"] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const context = await browser.newContext({
          locale: locale === "ja" ? "ja-JP" : "en-US",
          colorScheme: scheme,
          viewport: { width: 1280, height: 800 },
        });
        const page = await context.newPage();
        await signInOverHttp(page.request, m.facilitator);
        await page.goto(`/${locale}${m.path}/recap`);
        await expect(page.getByTestId("recap-screen")).toHaveAttribute("data-theme", scheme);
        await expect(new RecapScreen(page).presenter).toHaveText("Aoi Presenter");
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
    const m = await makeRecapMeeting();
    const screen = await signedInPage(browser, m.facilitator, {
      viewport: { width: 1280, height: 800 },
    });
    await screen.page.goto(`/en${m.path}/recap`);
    await expect(new RecapScreen(screen.page).presenter).toHaveText("Aoi Presenter");

    // Aoi adds a line to their answer on their own device while presenting.
    const aoi = await signedInPage(browser, m.readers[0]!);
    await aoi.page.goto(`/en${m.path}`);
    const box = aoi.page.getByRole("textbox", { name: "What is it?", exact: true });
    await box.fill(`${await box.inputValue()}\n- added during the recap`);
    await expect(aoi.page.getByTestId("save-status")).toHaveText(/^Saved at /);
    await expect(new RecapScreen(screen.page).slide).toContainText("added during the recap");

    // Someone arrives late and joins with a paper: they present last, with their own slide.
    const late = await makeUser({ name: "Dai Latecomer" });
    await addMember(m.group.slug, late.id);
    const dai = await signedInPage(browser, late);
    await dai.page.goto(`/en${m.path}`);
    await dai.page.getByLabel("Paper title").fill("A paper read late");
    await dai.page.getByRole("button", { name: "Join as a reader" }).click();
    await expect(new RecapScreen(screen.page).progress).toHaveText("1 / 4");
    for (let i = 0; i < 3; i++) {
      await screen.page.keyboard.press("ArrowRight");
      await screen.page.keyboard.press("ArrowRight");
    }
    await screen.page.keyboard.press("ArrowRight");
    await expect(new RecapScreen(screen.page).presenter).toHaveText("Dai Latecomer");
    await expect(new RecapScreen(screen.page).slide).toContainText("A paper read late");
    for (const c of [screen, aoi, dai]) await c.context.close();
  });
});

test("a refused recap command is explained in the user's language, never as a code", async ({
  browser,
}) => {
  const m = await makeRecapMeeting();
  const { page, context } = await signedInPage(browser, m.facilitator, {
    locale: "ja",
    viewport: { width: 390, height: 664 },
  });
  // This remote does not hear about the close (its live connection is down) and its time zone is
  // already known (so it does not re-render on its own).
  await page.route("**/api/meetings/*/events", (route) => route.abort());
  await rememberTimeZone(page);
  await page.goto(`/ja${m.path}/remote`);
  const remote = new RecapRemote(page);
  await expect(remote.presenter).toHaveText("Aoi Presenter");
  await expect(remote.timer).toHaveText(/^0:00\s*\/ 2:00/);
  // Its labels say what they do: the previous presenter and leaving are not both "戻る"; on a
  // phone every button is on the screen without scrolling.
  await expect(remote.button("前の発表者")).toBeInViewport();
  await expect(remote.button("開始")).toBeInViewport();
  await expect(page.getByRole("link", { name: "退出" })).toBeVisible();
  await expect(page.getByTestId("remote-next")).toContainText("Ben Presenter");
  // Another device closes the meeting; this remote presses "start".
  await setMeetingPhase(m.meetingId, "CLOSED");
  await new RecapRemote(page).root.getByRole("button", { name: "開始" }).click();
  const alert = new RecapRemote(page).root.getByRole("alert");
  await expect(alert).toHaveText("発表はもう行われていません。");
  await expect(alert).not.toContainText("wrongPhase");
  await context.close();
});

test("a key press on the presenter screen shows at once, before the server answers", async ({
  browser,
}) => {
  const m = await makeRecapMeeting();
  const { page, context } = await signedInPage(browser, m.facilitator, {
    viewport: { width: 1280, height: 800 },
  });
  await page.goto(`/en${m.path}/recap`);
  const screen = new RecapScreen(page);
  await expect(screen.presenter).toHaveText("Aoi Presenter");
  await expect(screen.timer).toHaveText(/^0:00/);
  // Hold every command at the network until the screen has already moved.
  const release = await holdRequests(page, "**/api/meetings/*/recap");
  await screen.press("ArrowRight", "ArrowRight");
  await expect(screen.presenter).toHaveText("Ben Presenter");
  await expect(screen.progress).toHaveText("2 / 3");
  release();
  // The server agrees once it has both commands.
  await expect.poll(async () => (await recapIndex(m.meetingId)) ?? -1, { timeout: 10_000 }).toBe(1);
  await expect(screen.presenter).toHaveText("Ben Presenter");
  await context.close();
});

test("a board already on its way when a key is pressed never takes the screen back a step", async ({
  browser,
}) => {
  const m = await makeRecapMeeting();
  const { page, context } = await signedInPage(browser, m.facilitator, {
    viewport: { width: 1280, height: 800 },
  });
  await page.goto(`/en${m.path}/recap`);
  const screen = new RecapScreen(page);
  await expect(screen.presenter).toHaveText("Aoi Presenter");
  // Ben edits his answers on his own device while the commands are held at the network.
  const ben = await signedInPage(browser, m.readers[1]!);
  await ben.page.goto(`/en${m.path}`);
  const box = ben.page.getByRole("textbox", { name: "What is it?", exact: true });
  await expect(box).toBeEditable();
  const release = await holdRequests(page, "**/api/meetings/*/recap");
  await screen.press("ArrowRight", "ArrowRight");
  await expect(screen.presenter).toHaveText("Ben Presenter");
  // From here on, every name the screen shows is written down.
  await page.evaluate(() => {
    const w = window as unknown as { __names: string[] };
    w.__names = [];
    const note = () => {
      const name = document.querySelector('[data-testid="presenter-name"]')?.textContent ?? "";
      if (w.__names.at(-1) !== name) w.__names.push(name);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  // That edit's board (made before the server has either command) reaches the screen.
  await box.fill(`${await box.inputValue()}\n- edited while the screen moved`);
  await expect(ben.page.getByTestId("save-status")).toHaveText(/^Saved at /);
  await expect(screen.slide).toContainText("edited while the screen moved");
  // The commands go through and are answered; the older board never shows Aoi again.
  release();
  await expect.poll(async () => (await recapIndex(m.meetingId)) ?? -1, { timeout: 10_000 }).toBe(1);
  await expect(page.getByTestId("recap-screen")).toHaveAttribute("data-syncing", "false");
  await expect(screen.presenter).toHaveText("Ben Presenter");
  expect(
    await page.evaluate(() => (window as unknown as { __names: string[] }).__names),
  ).not.toContain("Aoi Presenter");
  for (const c of [ben.context, context]) await c.close();
});

test("the presenter screen's page carries the slides a key press reaches; the rest come without the live stream too", async ({
  browser,
}) => {
  const m = await makeRecapMeeting();
  const { page, context } = await signedInPage(browser, m.facilitator, {
    viewport: { width: 1280, height: 800 },
  });
  // The page itself: the first presenter's slide and the next one's, not the third's.
  const html = await (await page.request.get(`/en${m.path}/recap`)).text();
  expect(html).toContain("Gist of Aoi Presenter");
  expect(html).toContain("Gist of Ben Presenter");
  expect(html).not.toContain("Gist of Chika Presenter");

  // A network that never lets the live stream through: the screen asks for the slides it needs.
  await page.route("**/api/meetings/*/events", (route) => route.abort());
  await page.goto(`/en${m.path}/recap`);
  const screen = new RecapScreen(page);
  await expect(screen.presenter).toHaveText("Aoi Presenter");
  await expect(screen.timer).toHaveText(/^0:00/);
  await screen.press("ArrowRight", "ArrowRight");
  await expect(screen.presenter).toHaveText("Ben Presenter");
  await expect(screen.nextUp).toContainText("Chika Presenter");
  // Each presenter: a press starts their time, the next moves on.
  await screen.press("ArrowRight", "ArrowRight");
  await expect(screen.presenter).toHaveText("Chika Presenter");
  await expect(screen.slide).toContainText("Gist of Chika Presenter");
  await expect(screen.slide).toContainText("Chika Presenter read a paper");
  await screen.press("ArrowRight", "ArrowRight");
  for (const name of ["Aoi", "Ben", "Chika"])
    await expect(screen.closingSlide).toContainText(`— ${name} Presenter`);
  await context.close();
});

test("the recap's slides are for members of the meeting's group only", async ({ browser }) => {
  const m = await makeRecapMeeting();
  const member = await signedInPage(browser, m.readers[2]!);
  const answer = await member.page.request.get(`/api/meetings/${m.meetingId}/recap`);
  expect(answer.status()).toBe(200);
  const { slides } = (await answer.json()) as { slides: { name: string }[] };
  expect(slides.map((s) => s.name).sort()).toEqual([
    "Aoi Presenter",
    "Ben Presenter",
    "Chika Presenter",
  ]);
  const outsider = await signedInPage(browser, await makeUser({ name: "Outside Reader" }));
  expect((await outsider.page.request.get(`/api/meetings/${m.meetingId}/recap`)).status()).toBe(
    404,
  );
  expect((await member.page.request.get(`/api/meetings/not-a-meeting-id/recap`)).status()).toBe(
    404,
  );
  await member.context.close();
  await outsider.context.close();
});

import {
  test,
  expect,
  signedInPage,
  makeUser,
  makeGroup,
  addMember,
  makeMeeting,
  clockSeconds,
  jumpClocks,
  MeetingPage,
  rememberTimeZone,
} from "./support/fixtures";
import { testDb } from "./support/db";
import type { Page } from "@playwright/test";

const MIN = 60_000;

async function joinWithPaper(page: Page, title: string) {
  await page.getByLabel("Paper title").fill(title);
  await page.getByRole("button", { name: "Join as a reader" }).click();
  await expect(page.getByRole("button", { name: "Start", exact: true })).toBeVisible();
}

test.describe("the reader's countdown", () => {
  test("a whole 50 minutes: warnings, reload, a second device, time-up and overtime", async ({
    browser,
  }) => {
    const reader = await makeUser();
    const group = await makeGroup(reader.id);
    const { page, context } = await signedInPage(browser, reader);
    await page.clock.install({ time: Date.now() });
    await page.goto(`/en/groups/${group.slug}`);
    await page.getByRole("button", { name: "Start a session now" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/groups/${group.slug}/meetings/1$`));
    // Nobody has joined yet: the badge does not claim anyone is reading.
    await expect(new MeetingPage(page).phase).toHaveText("Waiting for readers");
    await joinWithPaper(page, "Attention Is All You Need");
    await expect(new MeetingPage(page).phase).toHaveText("Reading");

    await page.getByRole("button", { name: "Start", exact: true }).click();
    const timeLeft = new MeetingPage(page).timeLeft;
    await expect(timeLeft).toHaveText(/^(50:00|49:5\d)$/);
    await expect(new MeetingPage(page).timerStatus).toHaveText("Reading");

    const clocks = { offset: 0 };
    const jump = (ms: number) => jumpClocks(page, context, clocks, ms);

    await jump(40 * MIN);
    await expect(timeLeft).toHaveText(/^(10:00|09:5\d)$/);
    await expect(new MeetingPage(page).timerAlert).toHaveText("Less than 10 minutes left");
    await expect(page).toHaveTitle(/^(10:00|09:5\d) · /);

    // A reload keeps the time: it comes from the server's deadline.
    await page.reload();
    await expect(timeLeft).toHaveText(/^(10:00|09:5\d)$/);

    // A second device shows the same time (within a second).
    const other = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": "203.0.113.7" },
    });
    await other.addCookies(await context.cookies());
    const second = await other.newPage();
    await second.clock.install({ time: Date.now() + clocks.offset });
    await second.goto(page.url());
    // The first digits it shows are already the server's time (no catching up after a sample).
    await expect(new MeetingPage(second).timeLeft).toHaveText(/^\d\d:\d\d$/);
    // Read at the same instant (one after the other, a slow machine would see a second pass).
    const [a, b] = await Promise.all(
      [page, second].map((p) => p.getByTestId("time-left").evaluate((el) => el.textContent ?? "")),
    );
    // Each device knows the server's time to within half a round trip of /api/time (a second
    // or so when two browsers and the server share two busy cores), plus a second of rounding.
    expect(Math.abs(clockSeconds(a!) - clockSeconds(b!))).toBeLessThanOrEqual(2);

    // The reload and the second device took real time, a minute or more on a busy machine: the
    // next jumps go to a time left read off the page, not by fixed steps from 10:00.
    const jumpToLeft = async (seconds: number) => {
      const shown = clockSeconds((await timeLeft.textContent()) ?? "");
      await jump((shown - seconds) * 1000);
    };
    await jumpToLeft(4 * 60 + 30);
    await expect(new MeetingPage(page).timerAlert).toHaveText("Less than 5 minutes left");
    await jumpToLeft(30);
    await expect(new MeetingPage(page).timerAlert).toHaveText("Less than 1 minute left");
    expect(
      await page.evaluate(
        () => (window as unknown as { __yomikaiChimes?: number }).__yomikaiChimes ?? 0,
      ),
    ).toBe(0);

    await jump(33_000);
    await expect(new MeetingPage(page).timerStatus).toHaveText("Overtime");
    await expect(new MeetingPage(page).timerAlert).toHaveText("Time's up! Overtime is counting.");
    // Overtime counts from the deadline: seconds past it (under a minute however slow the machine
    // is between the jump and this line; the page's clock keeps running meanwhile).
    await expect(timeLeft).toHaveText(/^\+00:[0-5]\d$/);
    expect(-clockSeconds((await timeLeft.textContent())!)).toBeGreaterThanOrEqual(3);
    await expect(timeLeft).toHaveClass(/text-red-600/);
    await expect(page).toHaveTitle(/^⏰ Time's up/);
    expect(
      await page.evaluate(
        () => (window as unknown as { __yomikaiChimes?: number }).__yomikaiChimes,
      ),
    ).toBe(1);

    // Looking never writes: a reload records nothing. The reader's first edit after the deadline
    // records time-up at the server's deadline (and keeps the answers as they were then).
    await page.reload();
    const timeUp = () =>
      testDb().reading.findFirstOrThrow({
        where: { userId: reader.id },
        select: { startedAt: true, timeUpAt: true },
      });
    expect((await timeUp()).timeUpAt).toBeNull();
    await page
      .getByRole("textbox", { name: "What is there to discuss?", exact: true })
      .fill("- late");
    await expect(page.getByTestId("late-discussion")).toBeVisible();
    await expect
      .poll(async () => (await timeUp()).timeUpAt?.getTime())
      .toBe((await timeUp()).startedAt!.getTime() + 50 * MIN);
    await other.close();
    await context.close();
  });

  test("a browser clock that is an hour wrong still shows the server's time", async ({
    browser,
  }) => {
    const reader = await makeUser();
    const group = await makeGroup(reader.id);
    const meeting = await makeMeeting(group.slug, reader.id);
    const { page, context } = await signedInPage(browser, reader);
    await page.clock.install({ time: Date.now() + 60 * MIN });
    await page.goto(`/en/groups/${group.slug}/meetings/${meeting.number}`);
    await joinWithPaper(page, "BERT");
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await expect(new MeetingPage(page).timeLeft).toHaveText(/^(50:00|49:5\d)$/);
    await expect(new MeetingPage(page).timerStatus).toHaveText("Reading");
    await context.close();
  });

  test("pause holds the time, +5 minutes adds to it, I'm done stops it", async ({ browser }) => {
    const reader = await makeUser();
    const group = await makeGroup(reader.id);
    const meeting = await makeMeeting(group.slug, reader.id);
    const { page, context } = await signedInPage(browser, reader);
    await page.clock.install({ time: Date.now() });
    await page.goto(`/en/groups/${group.slug}/meetings/${meeting.number}`);
    await joinWithPaper(page, "ResNet");
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(new MeetingPage(page).timerStatus).toHaveText("Paused");
    const held = clockSeconds((await new MeetingPage(page).timeLeft.textContent())!);
    await jumpClocks(page, context, { offset: 0 }, 20 * MIN);
    await page.reload();
    // The digits appear once the clock is measured; then they are the held time.
    await expect(new MeetingPage(page).timerStatus).toHaveText("Paused");
    expect(clockSeconds((await new MeetingPage(page).timeLeft.textContent())!)).toBe(held);
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(new MeetingPage(page).timerStatus).toHaveText("Reading");
    await page.getByRole("button", { name: "+5 minutes" }).click();
    await expect(new MeetingPage(page).timeLeft).toHaveText(/^(55:00|54:5\d)$/);
    await page.getByRole("button", { name: "I'm done" }).click();
    await expect(new MeetingPage(page).timerStatus).toHaveText("Done");
    await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
    const r = await testDb().reading.findFirstOrThrow({
      where: { userId: reader.id },
      select: { pausedMs: true, durationMs: true, finishedAt: true },
    });
    expect(r.pausedMs).toBeGreaterThanOrEqual(20 * MIN);
    expect(r.durationMs).toBe(55 * MIN);
    expect(r.finishedAt).not.toBeNull();
    await context.close();
  });

  test("two tabs pressing Start at once give one start", async ({ browser }) => {
    const reader = await makeUser();
    const group = await makeGroup(reader.id);
    const meeting = await makeMeeting(group.slug, reader.id);
    const { page, context } = await signedInPage(browser, reader);
    const url = `/en/groups/${group.slug}/meetings/${meeting.number}`;
    await page.goto(url);
    await joinWithPaper(page, "GPT-2");
    const tab2 = await context.newPage();
    await tab2.goto(url);
    // Press both buttons in the same instant (a normal click would wait, and the second button
    // vanishes as soon as the first start reaches its tab).
    const buttons = await Promise.all([
      page.getByRole("button", { name: "Start", exact: true }).elementHandle(),
      tab2.getByRole("button", { name: "Start", exact: true }).elementHandle(),
    ]);
    await Promise.all(buttons.map((b) => b!.evaluate((el) => (el as HTMLButtonElement).click())));
    await expect(new MeetingPage(page).timerStatus).toHaveText("Reading");
    await expect(new MeetingPage(tab2).timerStatus).toHaveText("Reading");
    const first = await testDb().reading.findFirstOrThrow({
      where: { userId: reader.id },
      select: { startedAt: true },
    });
    // Both tabs show the one countdown, read at the same instant.
    const [a, b] = await Promise.all(
      [page, tab2].map((p) => p.getByTestId("time-left").evaluate((el) => el.textContent ?? "")),
    );
    // Each device knows the server's time to within half a round trip of /api/time (a second
    // or so when two browsers and the server share two busy cores), plus a second of rounding.
    expect(Math.abs(clockSeconds(a!) - clockSeconds(b!))).toBeLessThanOrEqual(2);
    // And a later Start changes nothing.
    await page.waitForTimeout(300);
    const again = await testDb().reading.findFirstOrThrow({
      where: { userId: reader.id },
      select: { startedAt: true },
    });
    expect(again.startedAt?.getTime()).toBe(first.startedAt?.getTime());
    await context.close();
  });
});

test.describe("the facilitator's live board", () => {
  test("shows readers live, starts everyone, warns before recap, then closes", async ({
    browser,
  }) => {
    const facilitator = await makeUser({ name: "Facilitator Fumi" });
    const alice = await makeUser({ name: "Alice Reader" });
    const bob = await makeUser({ name: "Bob Reader" });
    const group = await makeGroup(facilitator.id);
    await addMember(group.slug, alice.id);
    await addMember(group.slug, bob.id);
    const meeting = await makeMeeting(group.slug, facilitator.id);
    const url = `/en/groups/${group.slug}/meetings/${meeting.number}`;

    const f = await signedInPage(browser, facilitator);
    await f.page.goto(url);
    await expect(f.page.getByText("No one has joined yet.")).toBeVisible();

    const a = await signedInPage(browser, alice);
    await a.page.goto(url);
    await joinWithPaper(a.page, "Paper A");
    const b = await signedInPage(browser, bob, { locale: "ja" });
    await b.page.goto(url.replace("/en/", "/ja/"));
    await b.page.getByLabel("論文タイトル").fill("Paper B");
    await b.page.getByRole("button", { name: "読み手として参加" }).click();

    // Both appear on the facilitator's board without a reload.
    const aliceRow = f.page.locator('[data-reader="Alice Reader"]');
    const bobRow = f.page.locator('[data-reader="Bob Reader"]');
    await expect(aliceRow).toContainText("Paper A", { timeout: 3000 });
    await expect(bobRow).toContainText("Paper B", { timeout: 3000 });
    await expect(aliceRow.getByTestId("board-status")).toHaveText("Not started");

    // Alice starts on her own; the board follows within a second or two.
    await a.page.getByRole("button", { name: "Start", exact: true }).click();
    await expect(aliceRow.getByTestId("board-status")).toHaveText("Reading", { timeout: 2000 });

    // Everyone else starts at once.
    await f.page.getByRole("button", { name: "Everyone starts now" }).click();
    await expect(f.page.getByText("Started 1 reader.")).toBeVisible();
    await expect(bobRow.getByTestId("board-status")).toHaveText("Reading", { timeout: 2000 });
    await expect(new MeetingPage(b.page).timerStatus).toHaveText("読書中", { timeout: 2000 });

    // Moving on while readers are inside their time asks first.
    await f.page.getByRole("button", { name: "Move to recap" }).click();
    await expect(
      f.page.getByText("2 readers are still inside their time. Move to recap anyway?"),
    ).toBeVisible();
    expect(
      (
        await testDb().meeting.findUniqueOrThrow({
          where: { id: meeting.id },
          select: { phase: true },
        })
      ).phase,
    ).toBe("READING");
    await f.page.getByRole("button", { name: "Move to recap anyway" }).click();
    await expect(new MeetingPage(f.page).phase).toHaveText("Recap");
    await expect(new MeetingPage(a.page).phase).toHaveText("Recap", { timeout: 3000 });
    await expect(new MeetingPage(a.page).timerStatus).toHaveText("Done");

    // Readers have no facilitator controls.
    await expect(a.page.getByRole("button", { name: "Close meeting" })).toHaveCount(0);

    // The recap starts with the readers in the order they joined.
    await f.page.getByRole("link", { name: "Open the recap screen" }).click();
    await expect(f.page.getByTestId("presenter-name")).toHaveText("Alice Reader");
    await expect(f.page.getByTestId("next-up")).toContainText("Bob Reader");
    await f.page.keyboard.press("Escape");
    await expect(f.page).toHaveURL(new RegExp(`${url}$`));

    f.page.once("dialog", (d) => d.accept());
    await f.page.getByRole("button", { name: "Close meeting" }).click();
    await expect(new MeetingPage(f.page).phase).toHaveText("Closed");
    for (const c of [f, a, b]) await c.context.close();
  });

  test("non-members get 404 for the meeting and its live events; anonymous callers 401", async ({
    browser,
    request,
  }) => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const group = await makeGroup(owner.id);
    const meeting = await makeMeeting(group.slug, owner.id);
    const s = await signedInPage(browser, stranger);
    const res = await s.page.goto(`/en/groups/${group.slug}/meetings/${meeting.number}`);
    expect(res?.status()).toBe(404);
    const events = await s.page.request.get(`/api/meetings/${meeting.id}/events`);
    expect(events.status()).toBe(404);
    expect(await events.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    const anon = await request.get(`/api/meetings/${meeting.id}/events`);
    expect(anon.status()).toBe(401);
    await s.context.close();
  });

  test("bad paper input is refused at the field and nothing is joined", async ({ browser }) => {
    const reader = await makeUser();
    const group = await makeGroup(reader.id);
    const meeting = await makeMeeting(group.slug, reader.id);
    const { page, context } = await signedInPage(browser, reader, { locale: "ja" });
    await page.goto(`/ja/groups/${group.slug}/meetings/${meeting.number}`);
    await page.getByLabel("年").fill("20x6");
    await page.getByLabel("arXiv ID", { exact: true }).fill("not-an-id");
    await page.getByRole("button", { name: "読み手として参加" }).click();
    await expect(page.getByText("論文のタイトルを入力してください。")).toBeVisible();
    await expect(page.getByText("1900〜2100 の年を入力してください。")).toBeVisible();
    await expect(page.getByText("2304.13705 のような arXiv ID を入力してください。")).toBeVisible();
    expect(await testDb().reading.count({ where: { meetingId: meeting.id } })).toBe(0);
    await context.close();
  });
});

test("a dropped live connection reconnects by itself and catches up", async ({ browser }) => {
  const facilitator = await makeUser();
  const reader = await makeUser({ name: "Offline Catcher" });
  const group = await makeGroup(facilitator.id);
  await addMember(group.slug, reader.id);
  const meeting = await makeMeeting(group.slug, facilitator.id);
  const path = `/en/groups/${group.slug}/meetings/${meeting.number}`;
  const r = await signedInPage(browser, reader);
  await r.page.goto(path);
  await joinWithPaper(r.page, "Diffusion");
  const f = await signedInPage(browser, facilitator);
  await f.page.goto(path);
  const row = f.page.locator('[data-reader="Offline Catcher"]');
  await expect(row.getByTestId("board-status")).toHaveText("Not started");
  // The connection's word changes in place: the board's heading beside it does not move.
  const status = f.page.getByRole("status").filter({ hasText: "Live" });
  const liveBox = await status.boundingBox();

  await f.context.setOffline(true);
  await expect(f.page.getByText("Reconnecting…")).toBeVisible({ timeout: 10_000 });
  expect(await status.boundingBox()).toEqual(liveBox);
  await r.page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(new MeetingPage(r.page).timerStatus).toHaveText("Reading");
  await f.context.setOffline(false);
  await expect(f.page.getByText("Live", { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(row.getByTestId("board-status")).toHaveText("Reading");
  await f.context.close();
  await r.context.close();
});

test("the group page lists running, upcoming and past meetings", async ({ browser }) => {
  const owner = await makeUser();
  const group = await makeGroup(owner.id);
  for (const [number, phase] of [
    [1, "CLOSED"],
    [2, "READING"],
    [3, "PLANNED"],
  ] as const) {
    await makeMeeting(group.slug, owner.id, number, { phase, title: `Meeting ${number}` });
  }
  const { page, context } = await signedInPage(browser, owner);
  await page.goto(`/en/groups/${group.slug}`);
  await expect(page.getByRole("region", { name: "Running" })).toContainText("Meeting 2");
  await expect(page.getByRole("region", { name: "Upcoming" })).toContainText("Meeting 3");
  await expect(page.getByRole("region", { name: "Past" })).toContainText("Meeting 1");

  // Scheduling the next one: numbered 4, titled from its date in the page's language.
  await page.getByLabel("Date and time").fill("2026-12-06T19:00");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${group.slug}/meetings/4$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Paper reading session, 6 Dec 2026",
  );
  // No title is stored: a Japanese reader sees the same meeting titled in Japanese.
  const stored = await testDb().meeting.findFirstOrThrow({
    where: { number: 4, group: { slug: group.slug } },
    select: { title: true },
  });
  expect(stored.title).toBe("");
  const ja = await signedInPage(browser, owner, { locale: "ja" });
  await rememberTimeZone(ja.page);
  await ja.page.goto(`/ja/groups/${group.slug}/meetings/4`);
  await expect(ja.page.getByRole("heading", { level: 1 })).toHaveText("2026/12/06 論文読み勉強会");
  await ja.context.close();
  await context.close();
});

import {
  test,
  expect,
  signedInPage,
  makeUser,
  makeReading,
  setServerClock,
  jumpClocks,
  MeetingPage,
  SummaryForm,
  setMeetingPhase,
  signedInAt,
  savedReading,
} from "./support/fixtures";
import { AppInstance } from "./support/instance";

const MIN = 60_000;

test.describe("the summary form", () => {
  test("autosaves while typing and shows when it saved", async ({ browser }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page, context } = await signedInPage(browser, user);
    await page.goto(`/en${r.path}`);
    await new SummaryForm(page).answer("What is it?").fill("- a model\n  - for segmentation");
    await new SummaryForm(page).answer("The paper in one sentence").fill("Segment anything.");
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);
    await expect(page.getByTestId("answered")).toHaveText("1 / 6 answered");
    await expect
      .poll(async () => (await savedReading(r.readingId)).whatIsIt)
      .toBe("- a model\n  - for segmentation");
    expect((await savedReading(r.readingId)).gist).toBe("Segment anything.");

    // Preview renders the Markdown.
    await page.locator('[data-field="whatIsIt"]').getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("preview-whatIsIt").locator("ul ul li")).toHaveText(
      "for segmentation",
    );
    await context.close();
  });

  test("offline typing is kept on the device, survives closing the tab and reaches the server later", async ({
    browser,
  }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page, context } = await signedInPage(browser, user);
    await page.goto(`/en${r.path}`);
    await new SummaryForm(page)
      .answer("What is novel compared with prior work?")
      .fill("- first part");
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);

    await context.setOffline(true);
    await new SummaryForm(page)
      .answer("What is novel compared with prior work?")
      .fill("- first part\n- typed offline");
    await new SummaryForm(page).answer("What is there to discuss?").fill("- also offline");
    await expect(new SummaryForm(page).status).toHaveText(
      "Offline — your changes are kept on this device",
    );
    expect((await savedReading(r.readingId)).novelty).toBe("- first part");
    await page.close({ runBeforeUnload: false });

    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`/en${r.path}`);
    await expect(new SummaryForm(again).answer("What is there to discuss?")).toHaveValue(
      "- also offline",
    );
    await expect(new SummaryForm(again).status).toHaveText(/^Saved at /);
    const s = await savedReading(r.readingId);
    expect(s.novelty).toBe("- first part\n- typed offline");
    expect(s.discussion).toBe("- also offline");
    await context.close();
  });

  test("a reload with unsent changes sends them; leaving with unsent changes asks first", async ({
    browser,
  }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page, context } = await signedInPage(browser, user);
    await page.goto(`/en${r.path}`);
    await expect(new SummaryForm(page).answer("What is the key technique?")).toBeVisible();
    await context.setOffline(true);
    await new SummaryForm(page).answer("What is the key technique?").fill("- attention");
    await expect(new SummaryForm(page).status).toHaveText(/Offline|Not saved yet|Saving/);
    const dialog = page.waitForEvent("dialog");
    void page.close({ runBeforeUnload: true });
    const d = await dialog;
    expect(d.type()).toBe("beforeunload");
    await d.dismiss();
    await context.setOffline(false);
    // Unsent changes may still be on their way: the reload asks again, and this time we leave.
    page.on("dialog", (leave) => void leave.accept());
    await page.reload();
    await expect(new SummaryForm(page).answer("What is the key technique?")).toHaveValue(
      "- attention",
    );
    await expect
      .poll(async () => (await savedReading(r.readingId)).keyTechnique)
      .toBe("- attention");
    await context.close();
  });

  test("two tabs editing one answer: both texts are offered and none is lost", async ({
    browser,
  }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page: tab1, context } = await signedInPage(browser, user);
    await tab1.goto(`/en${r.path}`);
    const tab2 = await context.newPage();
    await tab2.goto(`/en${r.path}`);

    await new SummaryForm(tab1).answer("How was it shown to work?").fill("- ImageNet (tab one)");
    await expect(new SummaryForm(tab1).status).toHaveText(/^Saved at /);
    await new SummaryForm(tab2).answer("How was it shown to work?").fill("- COCO (tab two)");
    const conflict = new SummaryForm(tab2).conflict("validation");
    await expect(conflict).toBeVisible();
    await expect(conflict.getByTestId("conflict-mine")).toHaveText("- COCO (tab two)");
    await expect(conflict.getByTestId("conflict-theirs")).toHaveText("- ImageNet (tab one)");
    await expect(new SummaryForm(tab2).status).toHaveText("Conflict — choose which text to keep");
    // Nothing was overwritten meanwhile.
    expect((await savedReading(r.readingId)).validation).toBe("- ImageNet (tab one)");

    await conflict.getByRole("button", { name: "Keep both" }).click();
    await expect(new SummaryForm(tab2).status).toHaveText(/^Saved at /);
    const both = "- COCO (tab two)\n\n---\n\n- ImageNet (tab one)";
    expect((await savedReading(r.readingId)).validation).toBe(both);
    await expect(new SummaryForm(tab2).answer("How was it shown to work?")).toHaveValue(both);
    await context.close();
  });

  test("time-up keeps a snapshot; later edits are marked late and the snapshot can be shown", async ({
    browser,
  }) => {
    const user = await makeUser();
    const r = await makeReading(user, { startedAgoMs: 49 * MIN });
    const { page, context } = await signedInPage(browser, user);
    await page.clock.install({ time: Date.now() });
    await page.goto(`/en${r.path}`);
    await new SummaryForm(page).answer("What is there to discuss?").fill("- in time");
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);
    expect((await savedReading(r.readingId)).timeUpSnapshot).toBeNull();

    await jumpClocks(page, context, { offset: 0 }, 2 * MIN);
    await expect(new MeetingPage(page).timerStatus).toHaveText("Overtime");
    await new SummaryForm(page)
      .answer("What is there to discuss?")
      .fill("- in time\n- after time-up");
    await expect(new SummaryForm(page).late("discussion")).toHaveText("Written after time-up");
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);
    const s = await savedReading(r.readingId);
    expect(s.discussion).toBe("- in time\n- after time-up");
    expect(JSON.parse(s.timeUpSnapshot!)).toMatchObject({ discussion: "- in time" });

    await page.getByRole("button", { name: "Show the time-up version" }).click();
    await expect(page.getByTestId("snapshot-discussion")).toContainText("in time");
    await expect(page.getByTestId("snapshot-discussion")).not.toContainText("after time-up");
    await context.close();
  });

  test("an accidental wipe is undone by restoring a previous version", async ({ browser }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page, context } = await signedInPage(browser, user);
    await page.goto(`/en${r.path}`);
    await new SummaryForm(page).answer("What is it?").fill("- carefully written notes");
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);
    // A couple of minutes later (server time), the answer is wiped by mistake.
    await setServerClock(context, 2 * MIN);
    await new SummaryForm(page).answer("What is it?").fill("");
    await expect.poll(async () => (await savedReading(r.readingId)).whatIsIt).toBe("");

    await page.getByText("History").click();
    const kept = page
      .getByTestId("revisions")
      .getByRole("listitem")
      .filter({ hasText: "1 / 6 answered" });
    await expect(kept).toHaveCount(1);
    await kept.getByRole("button", { name: "Restore this version" }).click();
    await expect(new SummaryForm(page).answer("What is it?")).toHaveValue(
      "- carefully written notes",
    );
    await expect
      .poll(async () => (await savedReading(r.readingId)).whatIsIt)
      .toBe("- carefully written notes");
    await context.close();
  });

  test("the form shows the limits before the server has to refuse", async ({ browser }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page, context } = await signedInPage(browser, user);
    await page.goto(`/ja${r.path}`);
    await expect(page.getByRole("textbox", { name: "一言でいうと" })).toHaveAttribute(
      "maxlength",
      "300",
    );
    await expect(page.getByRole("textbox", { name: "どんなもの？" })).toHaveAttribute(
      "maxlength",
      "20000",
    );
    // The counter appears only near the limit.
    await expect(page.locator('[data-field="gist"]')).not.toContainText("/ 300");
    await page.getByRole("textbox", { name: "一言でいうと" }).fill("あ".repeat(250));
    await expect(page.locator('[data-field="gist"]')).toContainText("250 / 300");
    await context.close();
  });
});

test.describe("the autosave endpoint", () => {
  test("refuses other users, bad bodies, stale versions and other origins without damage", async ({
    browser,
    request,
  }) => {
    const owner = await makeUser();
    const other = await makeUser();
    const r = await makeReading(owner);
    const url = `/api/readings/${r.readingId}/summary`;
    const o = await signedInPage(browser, owner);
    const ok = await o.page.request.put(url, {
      data: {
        saveId: "e2e-save-0001",
        baseVersion: 0,
        changes: { whatIsIt: { base: "", value: "- saved" } },
      },
    });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({
      version: 1,
      summary: { whatIsIt: "- saved" },
      conflicts: [],
    });

    // Anyone else: 404, nothing changes.
    const x = await signedInPage(browser, other);
    const denied = await x.page.request.put(url, {
      data: {
        saveId: "e2e-save-0002",
        baseVersion: 1,
        changes: { whatIsIt: { base: "- saved", value: "hacked" } },
      },
    });
    expect(denied.status()).toBe(404);
    expect((await x.page.request.get(url)).status()).toBe(404);
    expect((await x.page.request.get(`/api/readings/${r.readingId}/revisions`)).status()).toBe(404);

    // Anonymous: 401.
    const anon = await request.put(url, {
      data: {
        saveId: "e2e-save-0003",
        baseVersion: 1,
        changes: { whatIsIt: { base: "- saved", value: "anon" } },
      },
    });
    expect(anon.status()).toBe(401);

    // Bad bodies: 400 with the issues listed.
    for (const body of [
      {
        saveId: "e2e-save-0004",
        baseVersion: 1,
        changes: { whatIsIt: { base: "- saved", value: "x".repeat(20_001) } },
      },
      { saveId: "e2e-save-0005", baseVersion: 1, changes: { notAField: { base: "", value: "x" } } },
      {
        saveId: "e2e-save-0006",
        baseVersion: "1",
        changes: { whatIsIt: { base: "- saved", value: "x" } },
      },
      { saveId: "e2e-save-0009", changes: { whatIsIt: { base: "- saved", value: "x" } } },
      { baseVersion: 1, changes: { whatIsIt: { base: "- saved", value: "no save id" } } },
    ]) {
      const res = await o.page.request.put(url, { data: body });
      expect(res.status(), JSON.stringify(body).slice(0, 60)).toBe(400);
      const json = await res.json();
      expect(json.error.code).toBe("INVALID_INPUT");
      expect(json.error.issues.length).toBeGreaterThan(0);
    }
    const notJson = await o.page.request.put(url, {
      data: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(notJson.status()).toBe(400);

    // A stale save on the same line: decided (200) as a conflict with both texts, nothing overwritten.
    const stale = await o.page.request.put(url, {
      data: {
        saveId: "e2e-save-0007",
        baseVersion: 0,
        changes: { whatIsIt: { base: "", value: "- from an old tab" } },
      },
    });
    expect(stale.status()).toBe(200);
    expect(await stale.json()).toMatchObject({
      conflicts: [{ field: "whatIsIt", mine: "- from an old tab", theirs: "- saved" }],
    });

    // Another site: refused.
    const cross = await o.page.request.put(url, {
      data: {
        saveId: "e2e-save-0008",
        baseVersion: 1,
        changes: { whatIsIt: { base: "- saved", value: "csrf" } },
      },
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(cross.status()).toBe(403);

    expect((await savedReading(r.readingId)).whatIsIt).toBe("- saved");

    // The first save again, as a retry would send it: answered as before, applied once.
    const retry = await o.page.request.put(url, {
      data: {
        saveId: "e2e-save-0001",
        baseVersion: 0,
        changes: { whatIsIt: { base: "", value: "- saved" } },
      },
    });
    expect(retry.status()).toBe(200);
    expect(await retry.json()).toMatchObject({ version: 1, conflicts: [] });

    // A closed meeting: refused with its own code, nothing changed.
    await setMeetingPhase(r.meetingId, "CLOSED");
    const closed = await o.page.request.put(url, {
      data: {
        saveId: "e2e-save-0099",
        baseVersion: 1,
        changes: { whatIsIt: { base: "- saved", value: "late" } },
      },
    });
    expect(closed.status()).toBe(409);
    expect((await closed.json()).error.code).toBe("MEETING_CLOSED");
    expect((await savedReading(r.readingId)).whatIsIt).toBe("- saved");
    await o.context.close();
    await x.context.close();
  });
});

test.describe("a server restart while typing", () => {
  const server = new AppInstance(2);
  const BASE = server.url;

  test.afterAll(() => server.stop());

  test("nothing typed is lost", async ({ browser }) => {
    await server.start();
    const user = await makeUser();
    const r = await makeReading(user);
    const { context, page } = await signedInAt(browser, BASE, user);
    await page.goto(`${BASE}/en${r.path}`);
    await new SummaryForm(page).answer("What is it?").fill("- before the restart");
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);

    await server.stop();
    await new SummaryForm(page)
      .answer("What is it?")
      .fill("- before the restart\n- while the server was down");
    await expect(new SummaryForm(page).status).toHaveText(
      "Offline — your changes are kept on this device",
    );
    await server.start();
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /, { timeout: 30_000 });
    expect((await savedReading(r.readingId)).whatIsIt).toBe(
      "- before the restart\n- while the server was down",
    );
    await context.close();
  });
});

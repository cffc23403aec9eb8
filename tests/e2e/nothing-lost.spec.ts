// The four ways a reader's text used to be lost or stranded, each tried as a user meets it: two
// tabs and a reload, typing on after a conflict appears, a server that dies after storing a save,
// and a meeting closed while someone types.
import {
  test,
  expect,
  signedInPage,
  makeUser,
  addMember,
  makeReading,
  MeetingPage,
  SummaryForm,
  signedInAt,
  savedReading,
} from "./support/fixtures";
import { AppInstance } from "./support/instance";
import { watchViolations } from "./support/csp";

test.describe("nothing typed is lost", () => {
  test("a tab reloaded while it shows a conflict keeps the conflict and overwrites nothing", async ({
    browser,
  }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page: tab1, context } = await signedInPage(browser, user);
    await tab1.goto(`/en${r.path}`);
    const tab2 = await context.newPage();
    await tab2.goto(`/en${r.path}`);
    const field = "How was it shown to work?";

    await new SummaryForm(tab1).answer(field).fill("A: ImageNet top-1");
    await expect(new SummaryForm(tab1).status).toHaveText(/^Saved at /);
    await new SummaryForm(tab2).answer(field).fill("B: COCO box AP");
    await expect(new SummaryForm(tab2).conflict("validation")).toBeVisible();

    await tab2.reload();
    const conflict = new SummaryForm(tab2).conflict("validation");
    await expect(conflict).toBeVisible();
    await expect(conflict.getByTestId("conflict-mine")).toHaveText("B: COCO box AP");
    await expect(conflict.getByTestId("conflict-theirs")).toHaveText("A: ImageNet top-1");
    await expect(new SummaryForm(tab2).status).toHaveText("Conflict — choose which text to keep");
    await expect(new SummaryForm(tab2).answer(field)).toHaveValue("B: COCO box AP");
    // A save from the reloaded tab goes out (another answer) without the conflicted one: the
    // other tab's text stays saved.
    await new SummaryForm(tab2).answer("What is it?").fill("- typed after the reload");
    await expect
      .poll(async () => (await savedReading(r.readingId)).whatIsIt)
      .toBe("- typed after the reload");
    expect((await savedReading(r.readingId)).validation).toBe("A: ImageNet top-1");

    await conflict.getByRole("button", { name: "Keep both" }).click();
    await expect(new SummaryForm(tab2).status).toHaveText(/^Saved at /);
    expect((await savedReading(r.readingId)).validation).toBe(
      "B: COCO box AP\n\n---\n\nA: ImageNet top-1",
    );
    await context.close();
  });

  test("text typed after a conflict appeared is kept by every choice that keeps mine", async ({
    browser,
  }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page: tab1, context } = await signedInPage(browser, user, { locale: "ja" });
    await tab1.goto(`/ja${r.path}`);
    const tab2 = await context.newPage();
    await tab2.goto(`/ja${r.path}`);
    const field = "議論はある？";

    await new SummaryForm(tab1).answer(field).fill("- 評価が一つのデータセットだけ");
    await expect(new SummaryForm(tab1).status).toHaveText(/に保存$/);
    await new SummaryForm(tab2).answer(field).fill("- 計算量の比較がない");
    const conflict = new SummaryForm(tab2).conflict("discussion");
    await expect(conflict).toBeVisible();
    // The reader goes on typing after a pause; the panel shows the box as it is now.
    await new SummaryForm(tab2)
      .answer(field)
      .pressSequentially("。推論時間も知りたい", { delay: 20 });
    await expect(conflict.getByTestId("conflict-mine")).toHaveText(
      "- 計算量の比較がない。推論時間も知りたい",
    );
    await conflict.getByRole("button", { name: "両方残す" }).click();
    await expect(new SummaryForm(tab2).status).toHaveText(/に保存$/);
    expect((await savedReading(r.readingId)).discussion).toBe(
      "- 計算量の比較がない。推論時間も知りたい\n\n---\n\n- 評価が一つのデータセットだけ",
    );
    await context.close();
  });

  test("two devices adding different bullets to one answer both keep theirs", async ({
    browser,
  }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page: laptop, context } = await signedInPage(browser, user);
    await laptop.goto(`/en${r.path}`);
    const field = "What is novel compared with prior work?";
    await new SummaryForm(laptop).answer(field).fill("- promptable");
    await expect(new SummaryForm(laptop).status).toHaveText(/^Saved at /);
    const phone = await context.newPage();
    await phone.goto(`/en${r.path}`);
    await expect(new SummaryForm(phone).answer(field)).toHaveValue("- promptable");

    await new SummaryForm(laptop).answer(field).fill("- promptable\n- 1B masks");
    await expect(new SummaryForm(laptop).status).toHaveText(/^Saved at /);
    await new SummaryForm(phone).answer(field).fill("- promptable\n- zero-shot transfer");
    await expect(new SummaryForm(phone).status).toHaveText(/^Saved at /);
    await expect(new SummaryForm(phone).conflict("novelty")).toHaveCount(0);
    await expect(new SummaryForm(phone).answer(field)).toHaveValue(
      "- promptable\n- 1B masks\n- zero-shot transfer",
    );
    expect((await savedReading(r.readingId)).novelty).toBe(
      "- promptable\n- 1B masks\n- zero-shot transfer",
    );
    await context.close();
  });

  test("the meeting closed while a reader types: read-only, text kept to copy, saved on reopen", async ({
    browser,
  }) => {
    const reader = await makeUser();
    const admin = await makeUser();
    const r = await makeReading(reader);
    await addMember(r.groupSlug, admin.id, "ADMIN");
    const { page, context } = await signedInPage(browser, reader);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`/en${r.path}`);
    const field = "What is there to discuss?";
    await new SummaryForm(page).answer(field).fill("- first thought");
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);

    // The reader's laptop drops off the network and they keep typing.
    await context.setOffline(true);
    await new SummaryForm(page)
      .answer(field)
      .fill("- first thought\n- written while the meeting closed");
    await expect(new SummaryForm(page).status).toHaveText(
      "Offline — your changes are kept on this device",
    );

    const facilitator = await signedInPage(browser, admin);
    await facilitator.page.goto(`/en${r.path}`);
    facilitator.page.on("dialog", (d) => void d.accept());
    await facilitator.page.getByRole("button", { name: "Close meeting" }).click();
    await expect(new MeetingPage(facilitator.page).phase).toHaveText("Closed");

    await context.setOffline(false);
    const notice = new SummaryForm(page).closedNotice;
    await expect(notice).toContainText("This meeting is closed");
    await expect(notice).toContainText("kept on this device");
    await expect(new SummaryForm(page).answer(field)).toHaveAttribute("readonly", "");
    await expect(new SummaryForm(page).answer(field)).toHaveValue(
      "- first thought\n- written while the meeting closed",
    );
    expect((await savedReading(r.readingId)).discussion).toBe("- first thought");

    await notice.getByRole("button", { name: "Copy my text" }).click();
    await expect(notice.getByText("Copied to the clipboard.")).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("## What is there to discuss?");
    expect(copied).toContain("- written while the meeting closed");

    // A reload still shows the kept text, read-only.
    await page.reload();
    await expect(new SummaryForm(page).closedNotice).toContainText("kept on this device");
    await expect(new SummaryForm(page).answer(field)).toHaveValue(
      "- first thought\n- written while the meeting closed",
    );

    // Closed by mistake: the facilitator reopens it, and the kept text is saved.
    await facilitator.page.getByRole("button", { name: "Reopen the meeting" }).click();
    await expect(new MeetingPage(facilitator.page).phase).toHaveText("Recap");
    await expect(new SummaryForm(page).closedNotice).toHaveCount(0);
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);
    expect((await savedReading(r.readingId)).discussion).toBe(
      "- first thought\n- written while the meeting closed",
    );
    await facilitator.context.close();
    await context.close();
  });
});

test.describe("a server that dies right after storing a save", () => {
  const server = new AppInstance(3);
  const BASE = server.url;
  test.afterAll(() => server.stop());

  test("the retry is recognised: no conflict with the reader's own text, nothing doubled", async ({
    browser,
  }) => {
    // Starts a server twice: on a busy two-core machine that alone can take most of a minute.
    test.slow();
    await server.start();
    const user = await makeUser();
    const r = await makeReading(user);
    const { context, page } = await signedInAt(browser, BASE, user);
    await page.goto(`${BASE}/en${r.path}`);
    const field = "What is it?";
    await new SummaryForm(page).answer(field).fill("- a segmentation model");
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);

    // The next save reaches the server and is stored; then the server dies before answering.
    let stored!: () => void;
    const storedOnce = new Promise<void>((res) => (stored = res));
    let crashed = false;
    await page.route("**/api/readings/*/summary", async (route) => {
      if (crashed || route.request().method() !== "PUT") return route.fallback();
      crashed = true;
      await route.fetch();
      await server.stop();
      stored();
      await route.abort("connectionreset");
    });
    await new SummaryForm(page).answer(field).fill("- a segmentation model\n- promptable");
    await storedOnce;
    expect((await savedReading(r.readingId)).whatIsIt).toBe("- a segmentation model\n- promptable");
    await expect(new SummaryForm(page).status).toHaveText(
      "Offline — your changes are kept on this device",
    );
    // The reader goes on typing in the same answer while the server is down.
    await new SummaryForm(page)
      .answer(field)
      .fill("- a segmentation model\n- promptable with points and boxes");

    await server.start();
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /, { timeout: 30_000 });
    await expect(new SummaryForm(page).conflict("whatIsIt")).toHaveCount(0);
    expect((await savedReading(r.readingId)).whatIsIt).toBe(
      "- a segmentation model\n- promptable with points and boxes",
    );
    await context.close();
  });
});

test.describe("a reload without a network", () => {
  test("shows the reading page with the text kept on this device", async ({ browser }) => {
    const user = await makeUser();
    const r = await makeReading(user);
    const { page, context } = await signedInPage(browser, user);
    await page.goto(`/en${r.path}`);
    const field = "What is the key technique?";
    await new SummaryForm(page).answer(field).fill("- a light decoder");
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);
    // The page is kept for offline use once the service worker is in charge of it.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const cache = await caches.open("yomikai-reading-pages");
          return Boolean(navigator.serviceWorker.controller && (await cache.match(location.href)));
        }),
      )
      .toBe(true);

    await context.setOffline(true);
    const violations = watchViolations(page);
    await new SummaryForm(page)
      .answer(field)
      .fill("- a light decoder\n- prompted by points and boxes");
    await expect(new SummaryForm(page).status).toHaveText(
      "Offline — your changes are kept on this device",
    );
    page.on("dialog", (d) => void d.accept());
    await page.reload();
    await expect(new SummaryForm(page).answer(field)).toHaveValue(
      "- a light decoder\n- prompted by points and boxes",
    );
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Session 1");
    // The kept page's scripts run under the policy it was served with.
    expect(violations).toEqual([]);

    await context.setOffline(false);
    await expect(new SummaryForm(page).status).toHaveText(/^Saved at /);
    await expect
      .poll(async () => (await savedReading(r.readingId)).keyTechnique)
      .toBe("- a light decoder\n- prompted by points and boxes");
    await context.close();
  });
});

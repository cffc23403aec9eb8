// Picking a paper by identifier: the look-up against a local stand-in of arXiv and doi.org
// (tests/e2e/support/paper-stand-in.mjs), its bad days, and the never-read-before rule.
import {
  test,
  expect,
  makeUser,
  makeGroup,
  makeMeeting,
  addMember,
  readArxivPaperBefore,
  signedInPage,
} from "./support/fixtures";
import { testDb } from "./support/db";

async function meetingToJoin(locale: "en" | "ja" = "en") {
  const reader = await makeUser({ name: "Rin Reader", locale });
  const group = await makeGroup(reader.id);
  await makeMeeting(group.slug, reader.id, 5, { phase: "READING" });
  return { reader, group, path: `/${locale}/groups/${group.slug}/meetings/5` };
}

test("pasting an arXiv id fills the paper in; the reading page links its abstract and PDF", async ({
  browser,
}) => {
  const { reader, path } = await meetingToJoin();
  const { page, context } = await signedInPage(browser, reader);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(path);
  const identifier = page.getByLabel("arXiv ID, DOI or link");
  await identifier.click();
  await page.evaluate(() => navigator.clipboard.writeText("2304.13705"));
  await page.keyboard.press("ControlOrMeta+V");
  await expect(page.getByTestId("lookup-status")).toHaveAttribute("data-status", "found");
  await expect(page.getByLabel("Paper title")).toHaveValue(
    "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware",
  );
  await expect(page.getByLabel("Authors", { exact: true })).toHaveValue(
    "Tony Z. Zhao\nVikash Kumar\nSergey Levine\nChelsea Finn",
  );
  await expect(page.getByLabel("Year")).toHaveValue("2023");
  await expect(page.getByLabel("arXiv ID", { exact: true })).toHaveValue("2304.13705");
  await page.getByRole("button", { name: "Join as a reader" }).click();

  const timer = page.getByRole("region", { name: "Your countdown" });
  await expect(
    timer.getByRole("link", { name: "Learning Fine-Grained Bimanual Manipulation" }),
  ).toHaveAttribute("href", "https://arxiv.org/abs/2304.13705");
  await expect(timer.getByRole("link", { name: "PDF" })).toHaveAttribute(
    "href",
    "https://arxiv.org/pdf/2304.13705",
  );
  await context.close();
});

test("DOIs and doi.org links fill the form; Crossref answers when doi.org fails", async ({
  browser,
}) => {
  const { reader, path } = await meetingToJoin();
  const { page, context } = await signedInPage(browser, reader);
  await page.goto(path);
  const identifier = page.getByLabel("arXiv ID, DOI or link");
  await identifier.fill("https://doi.org/10.1145/3442188.3445922");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByLabel("Paper title")).toHaveValue(/^On the Dangers of Stochastic Parrots/);
  await expect(page.getByLabel("DOI", { exact: true })).toHaveValue("10.1145/3442188.3445922");
  await identifier.fill("doi:10.1038/nature14539");
  await identifier.press("Enter");
  await expect(page.getByLabel("Paper title")).toHaveValue("Deep learning");
  await expect(page.getByLabel("Authors", { exact: true })).toHaveValue(
    "Yann LeCun\nYoshua Bengio\nGeoffrey Hinton",
  );
  await context.close();
});

for (const locale of ["en", "ja"] as const) {
  test(`when arXiv is down the reader fills the form by hand and joins (${locale})`, async ({
    browser,
  }) => {
    const { reader, path } = await meetingToJoin(locale);
    const { page, context } = await signedInPage(browser, reader, { locale });
    await page.goto(path);
    const en = locale === "en";
    await page
      .getByLabel(en ? "arXiv ID, DOI or link" : "arXiv ID・DOI・リンク")
      .fill("arXiv:2401.00001");
    await page.getByRole("button", { name: en ? "Look up" : "調べる" }).click();
    await expect(page.getByTestId("lookup-status")).toHaveText(
      en ? /arXiv could not be reached just now/ : /arXiv に接続できませんでした/,
    );
    await expect(page.getByLabel("arXiv ID", { exact: true })).toHaveValue("2401.00001");
    await page.getByLabel(en ? "Paper title" : "論文タイトル").fill("A paper typed by hand");
    await page.getByRole("button", { name: en ? "Join as a reader" : "読み手として参加" }).click();
    await expect(page.getByTestId("board")).toContainText("A paper typed by hand");
    await context.close();
  });
}

test("a service slower than 5 s, an unknown id and pastes that are no identifier", async ({
  browser,
}) => {
  const { reader, path } = await meetingToJoin();
  const { page, context } = await signedInPage(browser, reader);
  await page.goto(path);
  const identifier = page.getByLabel("arXiv ID, DOI or link");
  const status = page.getByTestId("lookup-status");

  await identifier.fill("2401.00002");
  await identifier.press("Enter");
  await expect(status).toHaveAttribute("data-status", "unavailable", { timeout: 15_000 });

  await identifier.fill("2399.00001");
  await identifier.press("Enter");
  await expect(status).toHaveText(
    "No paper has this identifier. Check it, or fill in the details by hand.",
  );

  await identifier.fill("10.5555/does-not-exist");
  await identifier.press("Enter");
  await expect(status).toHaveAttribute("data-status", "notFound");

  await identifier.fill("Attention is all you need");
  await identifier.press("Enter");
  await expect(status).toHaveAttribute("data-status", "unrecognised");
  await expect(page.getByLabel("Paper title")).toHaveValue("Attention is all you need");

  // A hostile paste: control characters and a 2,000-character line are no identifier.
  const response = await page.request.get(
    `${new URL(page.url()).origin}/api/meetings/x/paper-lookup?q=1`,
    { failOnStatusCode: false },
  );
  expect(response.status()).toBe(404);
  await identifier.fill(`2304.13705\u0007`);
  await identifier.press("Enter");
  await expect(status).toHaveAttribute("data-status", "unrecognised");
  await context.close();
});

test("a paper read before needs confirming; others' readings are shown; the board marks it", async ({
  browser,
}, testInfo) => {
  const { reader, group, path } = await meetingToJoin();
  await readArxivPaperBefore(group.slug, reader.id, "1706.03762", 2);
  const colleague = await makeUser({ name: "Kei Colleague" });
  await addMember(group.slug, colleague.id);
  await readArxivPaperBefore(group.slug, colleague.id, "1706.03762", 3);

  const { page, context } = await signedInPage(browser, reader);
  await page.goto(path);
  await page.getByLabel("arXiv ID, DOI or link").fill("https://arxiv.org/abs/1706.03762v7");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByLabel("Paper title")).toHaveValue("Attention Is All You Need");
  const warning = page.getByTestId("read-before");
  await expect(warning).toContainText("You have read this paper before");
  await expect(warning.getByRole("link", { name: /meeting 2/ })).toHaveAttribute(
    "href",
    `/en/groups/${group.slug}/meetings/2`,
  );
  await expect(page.getByTestId("read-by-others")).toContainText("Kei Colleague, meeting 3");
  await page.screenshot({ path: testInfo.outputPath("join-read-before-en.png"), fullPage: true });

  // Joining without confirming is refused, with the reason.
  await page.getByRole("button", { name: "Join as a reader" }).click();
  await expect(page.locator("[data-notice=error]")).toContainText(
    "You have read this paper in an earlier meeting",
  );
  await expect(page.getByTestId("board")).toHaveCount(0);
  await page.getByLabel("I want to read it again anyway").check();
  await page.getByRole("button", { name: "Join as a reader" }).click();
  const row = page.getByTestId("board").locator('[data-reader="Rin Reader"]');
  await expect(row).toContainText("Attention Is All You Need");
  await expect(row.getByTestId("reread")).toHaveText("Read before");
  await context.close();
});

test("full-width digits typed with a Japanese keyboard are read: an arXiv id and a year", async ({
  browser,
}) => {
  const { reader, path } = await meetingToJoin("ja");
  const { page, context } = await signedInPage(browser, reader, { locale: "ja" });
  await page.goto(path);
  await page.getByLabel("arXiv ID・DOI・リンク").fill("２３０４．１３７０５");
  await page.getByRole("button", { name: "調べる" }).click();
  await expect(page.getByTestId("lookup-status")).toHaveAttribute("data-status", "found");
  await expect(page.getByLabel("論文タイトル")).toHaveValue(
    "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware",
  );
  await context.close();

  // By hand, with the year in full-width digits.
  const other = await meetingToJoin("ja");
  const second = await signedInPage(browser, other.reader, { locale: "ja" });
  await second.page.goto(other.path);
  await second.page.getByLabel("論文タイトル").fill("手で入力した論文");
  await second.page.getByLabel("年", { exact: true }).fill("２０２０");
  await second.page.getByRole("button", { name: "読み手として参加" }).click();
  await expect(second.page.getByRole("region", { name: "あなたのカウントダウン" })).toBeVisible();
  const reading = await testDb().reading.findFirstOrThrow({
    where: { userId: other.reader.id },
    select: { paper: { select: { year: true, title: true } }, paperOverrides: true },
  });
  expect(reading.paper.title).toBe("手で入力した論文");
  expect(reading.paper.year ?? JSON.parse(reading.paperOverrides ?? "{}").year).toBe(2020);
  await second.context.close();
});

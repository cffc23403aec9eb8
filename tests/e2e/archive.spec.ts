// The archive, member pages and statistics, on a group with a few past meetings: search in
// Japanese and English from the group page, filters, a member's numbers and the group's charts.
import {
  test,
  expect,
  makeUser,
  makeGroup,
  makeMeeting,
  addMember,
  signedInPage,
  uniqueId,
  type TestUser,
} from "./support/fixtures";
import { testDb } from "./support/db";

const DAY = 24 * 60 * 60_000;
const MIN = 60_000;

/**
 * Three closed meetings, a week apart, starting Monday 5 January 2026, 10:00 UTC:
 *  1: Aki reads ALOHA (cs.RO; 模倣学習, finished at 40 min, suggests Diffusion Policy); Ben reads
 *     YOLO (cs.CV; never pressed finished).
 *  2: Aki reads Diffusion Policy (cs.RO) — the suggestion, read.
 *  3: Chika reads a DOI paper; Aki is away.
 */
async function pastMeetings() {
  const aki = await makeUser({ name: `Aki ${uniqueId()}`, locale: "ja" });
  const ben = await makeUser({ name: `Ben ${uniqueId()}` });
  const chika = await makeUser({ name: `Chika ${uniqueId()}` });
  const group = await makeGroup(aki.id);
  await addMember(group.slug, ben.id);
  await addMember(group.slug, chika.id);
  const t0 = Date.UTC(2026, 0, 5, 10);
  const meetings: { id: string }[] = [];
  for (let i = 0; i < 3; i++)
    meetings.push(
      await makeMeeting(group.slug, aki.id, i + 1, {
        phase: "CLOSED",
        scheduledAt: new Date(t0 + i * 7 * DAY),
      }),
    );
  // arXiv ids need digits: five random ones keep this run's papers apart from any other's.
  const tag = String(parseInt(uniqueId().slice(0, 8), 16) % 100_000).padStart(5, "0");
  const read = async (
    user: TestUser,
    meeting: number,
    paper: { title: string; arxivId?: string; doi?: string; primaryCategory?: string },
    answers: Record<string, string>,
    finishedAfterMin: number | null,
  ) => {
    const p = await testDb().paper.create({
      data: {
        ...paper,
        arxivId: paper.arxivId ? `${paper.arxivId}${tag}` : null,
        doi: paper.doi ? `${paper.doi}${tag}` : null,
      },
      select: { id: true, arxivId: true },
    });
    const startedAt = new Date(t0 + (meeting - 1) * 7 * DAY);
    const answered = Object.entries(answers).filter(([k, v]) => k !== "gist" && v).length;
    return testDb().reading.create({
      data: {
        meetingId: meetings[meeting - 1]!.id,
        userId: user.id,
        paperId: p.id,
        durationMs: 50 * MIN,
        startedAt,
        finishedAt:
          finishedAfterMin === null ? null : new Date(startedAt.getTime() + finishedAfterMin * MIN),
        answered,
        ...answers,
      },
      select: { id: true },
    });
  };
  const aloha = await read(
    aki,
    1,
    {
      title: "Learning Fine-Grained Bimanual Manipulation",
      arxivId: "2304.",
      primaryCategory: "cs.RO",
    },
    {
      gist: "安価な双腕ロボットで細かい作業を学ぶ",
      whatIsIt: "- 模倣学習で靴ひもを通す",
      novelty: "- 50 件のデモで十分",
      nextPapers: `- Diffusion Policy arXiv:2303.${tag}`,
    },
    40,
  );
  await read(
    ben,
    1,
    { title: "You Only Look Once", arxivId: "1506.", primaryCategory: "cs.CV" },
    { whatIsIt: "- リアルタイムの物体検出", keyTechnique: "- one CNN predicts the boxes" },
    null,
  );
  await read(
    aki,
    2,
    { title: "Diffusion Policy", arxivId: "2303.", primaryCategory: "cs.RO" },
    { whatIsIt: "- 拡散モデルで行動を生成する" },
    45,
  );
  await read(
    chika,
    3,
    { title: "A Journal Paper", doi: "10.5555/" },
    { whatIsIt: "- 雑誌論文" },
    30,
  );
  return { aki, ben, chika, group, alohaId: aloha.id };
}

test("the archive finds 模倣 inside 模倣学習 and English in any case, from the group page (ja)", async ({
  browser,
}) => {
  const w = await pastMeetings();
  const { page, context } = await signedInPage(browser, w.aki, { locale: "ja" });
  await page.goto(`/ja/groups/${w.group.slug}`);
  await page.getByRole("link", { name: "アーカイブ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("アーカイブ");
  // Everything, newest first.
  await expect(page.getByTestId("archive-count")).toHaveText("4 件");
  await expect(page.getByTestId("archive-item").first()).toContainText("A Journal Paper");

  const search = page.getByRole("searchbox", { name: "検索" });
  await search.fill("模倣");
  await search.press("Enter");
  await expect(page.getByTestId("archive-count")).toHaveText("「模倣」: 1 件");
  const item = page.getByTestId("archive-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Learning Fine-Grained Bimanual Manipulation");
  await expect(item.getByTestId("archive-snippet")).toContainText("「どんなもの？」より");
  await expect(item.locator("mark")).toHaveText("模倣");
  // The summary link lands on the reader's summary in the closed meeting.
  await item.getByRole("link", { name: "まとめ" }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/1#reading-${w.alohaId}$`));
  await expect(page.locator(`#reading-${w.alohaId}`)).toContainText("模倣学習で靴ひもを通す");

  // English, any case; two terms must both be there; a filter narrows.
  await page.goto(`/ja/groups/${w.group.slug}/archive?q=cnn+BOXES`);
  await expect(page.getByTestId("archive-count")).toHaveText("「cnn BOXES」: 1 件");
  await expect(page.getByTestId("archive-item").locator("mark")).toHaveText(["CNN", "boxes"]);
  await page.goto(`/ja/groups/${w.group.slug}/archive?q=cnn+模倣`);
  await expect(page.getByText("該当する論文はありません。")).toBeVisible();
  await page.goto(`/ja/groups/${w.group.slug}/archive`);
  await page.getByLabel("arXiv カテゴリー").selectOption("cs.RO");
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page.getByTestId("archive-count")).toHaveText("2 件");
  // Nonsense in the address is set aside, and said so.
  await page.goto(`/ja/groups/${w.group.slug}/archive?from=yesterday&reader=../x`);
  await expect(page.getByText("一部の条件が読み取れなかったため、無視しました")).toBeVisible();
  await expect(page.getByTestId("archive-count")).toHaveText("4 件");

  // Someone outside the group gets nothing.
  const stranger = await signedInPage(browser, await makeUser());
  const res = await stranger.page.goto(`/ja/groups/${w.group.slug}/archive?q=模倣`);
  expect(res!.status()).toBe(404);
  await Promise.all([stranger.context.close(), context.close()]);
});

test("a member's page and the group's statistics show the numbers of its meetings (en)", async ({
  browser,
}) => {
  const w = await pastMeetings();
  const { page, context } = await signedInPage(browser, w.ben, {
    locale: "en",
    timezoneId: "UTC",
  });
  await page.goto(`/en/groups/${w.group.slug}`);
  await page.getByRole("link", { name: w.aki.name }).click();
  const stats = page.getByTestId("member-stats");
  // Aki: meetings 1 and 2 of three; 40 + 45 minutes; both finished in time; 3 and 1 answers.
  await expect(stats).toContainText("Meetings attended2");
  await expect(stats).toContainText("Time spent reading1 h 25 min");
  await expect(stats).toContainText("Finished in time100%");
  await expect(stats).toContainText("Answers filled2 / 6");
  await expect(stats).toContainText("Current streakNo weeks");
  await expect(stats).toContainText("Longest streak2 weeks");
  await expect(page.getByTestId("member-paper")).toHaveText([/Diffusion Policy/, /Bimanual/]);

  await page.goto(`/en/groups/${w.group.slug}`);
  await page.getByRole("link", { name: "Statistics" }).click();
  await expect(page.getByTestId("stats-totals")).toHaveText("3 meetings · 4 readings · 3 readers");
  // Each chart is an SVG drawn on the server, with its numbers in a table.
  for (const id of ["stats-months", "stats-attendance", "stats-categories"])
    await expect(page.getByTestId(id).locator("svg:visible").first()).toBeVisible();
  const months = page.getByTestId("stats-months");
  await months.getByText("The numbers").click();
  await expect(months.getByRole("row")).toHaveText(["MonthMeetingsReaders", "Jan 202633"]);
  const attendance = page.getByTestId("stats-attendance");
  await attendance.getByText("The numbers").click();
  await expect(attendance.getByRole("row").nth(1)).toContainText("1");
  await expect(attendance.getByRole("row").nth(1)).toHaveText(/^1Jan 5, 20262$/);
  const categories = page.getByTestId("stats-categories");
  await categories.getByText("The numbers").click();
  await expect(categories.getByRole("row")).toHaveText(["CategoryPapers", "cs.RO2", "cs.CV1"]);
  await expect(page.getByTestId("stats-suggestions")).toContainText(
    "1 of 1 papers suggested as “next paper” were read in a later meeting.",
  );
  await expect(page.getByTestId("stats-suggestions")).toContainText(
    "Diffusion Policy (suggested in session 1, read in session 2)",
  );
  // On a phone each chart is the one drawn for its column: labels stay at reading size.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const id of ["stats-months", "stats-attendance", "stats-categories"]) {
    const chart = page.getByTestId(id);
    await expect(chart.locator('[data-chart="wide"]')).toBeHidden();
    const label = chart.locator('[data-chart="narrow"] svg text').first();
    await expect(label).toBeVisible();
    expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(12);
  }
  // The legend's names too (the chart library's own style would draw them at 10 px).
  const legend = page
    .getByTestId("stats-months")
    .locator('[data-chart="narrow"]')
    .getByText("Readers");
  expect(
    await legend.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
  ).toBeGreaterThanOrEqual(13);
  await context.close();
});

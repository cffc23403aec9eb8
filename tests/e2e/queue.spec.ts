// The reading queue: add by identifier or BibTeX, vote, claim, pick it when joining, and the
// "next paper" answers of a meeting offered for the queue.
import {
  test,
  expect,
  makeUser,
  makeGroup,
  makeMeeting,
  addMember,
  signedInPage,
} from "./support/fixtures";
import { testDb } from "./support/db";

test("add, vote, claim, and the claimed paper offered first when joining; read, it leaves the queue", async ({
  browser,
}) => {
  const aki = await makeUser({ name: "Aki Adder" });
  const group = await makeGroup(aki.id);
  const ben = await makeUser({ name: "Ben Claimer" });
  await addMember(group.slug, ben.id);
  await makeMeeting(group.slug, aki.id, 1, { phase: "READING" });

  const a = await signedInPage(browser, aki);
  await a.page.goto(`/en/groups/${group.slug}`);
  const queue = a.page.getByRole("region", { name: /Reading queue/ });
  const add = queue.getByLabel("Add a paper");
  await add.fill("https://arxiv.org/abs/2304.13705v1");
  await queue.getByRole("button", { name: "Add to queue" }).click();
  await expect(queue.getByText("Added to the queue.")).toBeVisible();
  const aloha = queue.locator('[data-queue-item^="Learning Fine-Grained"]');
  await expect(aloha.getByTestId("votes")).toHaveText("1");
  await expect(aloha.getByRole("button", { name: /Vote for Learning/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // A BibTeX entry without identifier is kept as written; the same paper twice is refused.
  await add.fill(
    "@book{bishop2006, title={Pattern Recognition and Machine Learning}, author={Bishop, Christopher M.}, year={2006}}",
  );
  await queue.getByRole("button", { name: "Add to queue" }).click();
  await expect(
    queue.locator('[data-queue-item="Pattern Recognition and Machine Learning"]'),
  ).toBeVisible();
  await add.fill("2304.13705");
  await queue.getByRole("button", { name: "Add to queue" }).click();
  await expect(queue.getByText("This paper is already in the queue.")).toBeVisible();
  await add.fill("not an identifier");
  await queue.getByRole("button", { name: "Add to queue" }).click();
  await expect(
    queue.getByText("This is not an arXiv ID, a DOI, a link to one or a BibTeX entry."),
  ).toBeVisible();

  // Ben votes for the book (now 2 votes: it moves to the top) and claims the ALOHA paper.
  const b = await signedInPage(browser, ben);
  await b.page.goto(`/en/groups/${group.slug}`);
  const bq = b.page.getByRole("region", { name: /Reading queue/ });
  await bq.getByRole("button", { name: /Vote for Pattern Recognition/ }).click();
  await expect(bq.locator("[data-queue-item]").first()).toHaveAttribute(
    "data-queue-item",
    "Pattern Recognition and Machine Learning",
  );
  await expect(bq.locator("[data-queue-item]").first().getByTestId("votes")).toHaveText("2");
  // A second press takes the vote back: one vote per member.
  await bq.getByRole("button", { name: /Vote for Pattern Recognition/ }).click();
  await expect(bq.locator("[data-queue-item]").first().getByTestId("votes")).toHaveText("1");
  await bq
    .locator('[data-queue-item^="Learning Fine-Grained"]')
    .getByRole("button", { name: "I'll read it" })
    .click();
  await expect(bq.getByText("You will read it")).toBeVisible();
  await a.page.reload();
  await expect(queue.getByText("Ben Claimer will read it")).toBeVisible();
  await expect(
    queue
      .locator('[data-queue-item^="Learning Fine-Grained"]')
      .getByRole("button", { name: "I'll read it" }),
  ).toHaveCount(0);

  // Joining, Ben is offered his claimed paper first; picking it fills the form.
  await b.page.goto(`/en/groups/${group.slug}/meetings/1`);
  const offers = b.page.getByTestId("queue-offers");
  await expect(offers.getByRole("button").first()).toContainText("★ Learning Fine-Grained");
  await offers.getByRole("button").first().click();
  await expect(b.page.getByLabel("Paper title")).toHaveValue(
    "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware",
  );
  await b.page.getByRole("button", { name: "Join as a reader" }).click();
  await expect(b.page.getByTestId("board")).toContainText("Learning Fine-Grained");

  // Read, it has left the queue (and is linked to Ben's reading).
  await b.page.goto(`/en/groups/${group.slug}`);
  await expect(bq.locator('[data-queue-item^="Learning Fine-Grained"]')).toHaveCount(0);
  const item = await testDb().queueItem.findFirstOrThrow({
    where: { paper: { arxivId: "2304.13705" }, group: { slug: group.slug } },
    select: { reading: { select: { userId: true } } },
  });
  expect(item.reading?.userId).toBe(ben.id);
  await a.context.close();
  await b.context.close();
});

test("the 'next paper' answers of a closed meeting are offered for the queue in one click", async ({
  browser,
}) => {
  const host = await makeUser({ name: "Hana Host", locale: "ja" });
  const group = await makeGroup(host.id);
  const meeting = await makeMeeting(group.slug, host.id, 1, { phase: "CLOSED" });
  const paper = await testDb().paper.create({
    data: { title: "Some paper" },
    select: { id: true },
  });
  await testDb().reading.create({
    data: {
      meetingId: meeting.id,
      userId: host.id,
      paperId: paper.id,
      durationMs: 50 * 60_000,
      nextPapers:
        "- Transformer の元論文 arXiv:1706.03762\n- https://doi.org/10.1145/3442188.3445922\n- 参考: https://github.com/example/repo",
    },
    select: { id: true },
  });
  const { page, context } = await signedInPage(browser, host, { locale: "ja" });
  await page.goto(`/ja/groups/${group.slug}/meetings/1`);
  const suggestions = page.getByTestId("suggestions");
  await expect(suggestions.locator("li")).toHaveCount(2);
  await suggestions.getByRole("button", { name: "リストに追加: 1706.03762" }).click();
  await expect(suggestions.getByText("リストに追加しました。")).toBeVisible();
  await page.goto(`/ja/groups/${group.slug}`);
  await expect(page.getByTestId("queue")).toContainText("Attention Is All You Need");
  await page.goto(`/ja/groups/${group.slug}/meetings/1`);
  await expect(page.getByTestId("suggestions").locator("li").first()).toContainText(
    "リスト済み・既読",
  );
  await context.close();
});

// The minutes: built from the meeting, closing remarks saved as typed, published at a link that
// signed-out readers open (initials only, no emails), exported in four formats, unpublished.
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import {
  test,
  expect,
  makeRecapMeeting,
  makeUser,
  setMeetingPhase,
  signedInPage,
} from "./support/fixtures";
import { testDb } from "./support/db";

async function closedMeetingWithArxivPaper() {
  const m = await makeRecapMeeting();
  const aoi = await testDb().reading.findFirstOrThrow({
    where: { meetingId: m.meetingId, user: { name: "Aoi Presenter" } },
    select: { paperId: true },
  });
  await testDb().paper.update({
    where: { id: aoi.paperId },
    data: {
      title: "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware",
      authors: JSON.stringify(["Tony Z. Zhao", "Vikash Kumar", "Sergey Levine", "Chelsea Finn"]),
      year: 2023,
      arxivId: `2304.${String(Math.floor(Math.random() * 90000) + 10000)}`,
      primaryCategory: "cs.RO",
    },
  });
  await setMeetingPhase(m.meetingId, "CLOSED");
  const paper = await testDb().paper.findUniqueOrThrow({ where: { id: aoi.paperId } });
  return { ...m, arxivId: paper.arxivId! };
}

test("minutes: write-up, remarks, publish to a signed-out reader, exports, unpublish", async ({
  browser,
  request,
}) => {
  const m = await closedMeetingWithArxivPaper();
  const { page, context } = await signedInPage(browser, m.facilitator);
  await page.goto(`/en${m.path}`);
  await page.getByRole("link", { name: "Minutes" }).click();
  const doc = page.getByTestId("minutes");
  await expect(doc.getByRole("heading", { level: 1 })).toContainText(m.group.name);
  await expect(doc).toContainText("Session 1 · 3 participants");
  await expect(doc.getByTestId("minutes-reader")).toHaveText([
    "Aoi Presenter",
    "Ben Presenter",
    "Chika Presenter",
  ]);
  await expect(page.getByTestId("references").locator("li").first()).toHaveText(
    `[1] Tony Z. Zhao, Vikash Kumar, Sergey Levine, Chelsea Finn. (2023). Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware. arXiv preprint arXiv:${m.arxivId}. Available: https://arxiv.org/abs/${m.arxivId}`,
  );

  // Closing remarks are saved as they are typed, and kept over a reload.
  const remarks = page.getByRole("textbox", { name: "Closing remarks (感想)" });
  await remarks.fill("A lively session: **robots** and detectors.");
  await expect(page.getByTestId("remarks-status")).toHaveAttribute("data-status", "saved");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Closing remarks (感想)" })).toHaveValue(
    "A lively session: **robots** and detectors.",
  );

  // Publish; the link works signed out.
  await page.getByRole("button", { name: "Publish" }).click();
  const link = await page.getByLabel("Public link").inputValue();
  expect(link).toMatch(/\/en\/m\/[A-Za-z0-9_-]{32}$/);
  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  const response = await v.goto(link);
  expect(response?.status()).toBe(200);
  await expect(v.getByTestId("minutes-reader")).toHaveText(["A-san", "B-san", "C-san"]);
  await expect(v.getByTestId("minutes")).toContainText("A lively session: robots and detectors.");
  const html = await v.content();
  expect(html).not.toContain("@example.test");
  // (The fixture's answers mention the readers by name; the headings do not.)
  expect(html).not.toMatch(/<h2[^>]*>Aoi Presenter<\/h2>/);
  await expect(v.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(v.locator('meta[name="description"]')).toHaveAttribute(
    "content",
    /Learning Fine-Grained Bimanual Manipulation/,
  );

  // The group may let search engines index its minutes, and names its Zenn publication.
  await page.goto(`/en/groups/${m.group.slug}/settings`);
  await page.getByLabel(/Let search engines index published minutes/).check();
  await page.getByLabel("Zenn publication (optional)").fill("our-lab");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await v.reload();
  await expect(v.locator('meta[name="robots"]')).toHaveAttribute("content", "index, follow");

  // Every export downloads from the public link and parses.
  const token = link.split("/").pop()!;
  const file = async (format: string) => {
    const r = await request.get(`/api/minutes/${token}?format=${format}&locale=en`);
    expect(r.status(), format).toBe(200);
    expect(r.headers()["content-disposition"]).toMatch(/^attachment; filename=".+"$/);
    return r.text();
  };
  const md = await file("md");
  expect(md).toMatch(/^# .+\n\nSession 1 · 3 participants\n/);
  expect(md).toContain("## A-san");
  expect(md).not.toMatch(/^## Aoi Presenter/m);
  const zenn = await file("zenn");
  expect(zenn).toMatch(
    /^---\ntitle: ".+"\nemoji: ".+"\ntype: "tech"\ntopics: \["paper", "robotics"\]\npublished: false\npublication_name: "our-lab"\n---\n/u,
  );
  const bib = parseBibtex(await file("bib"), { sentenceCase: false, caseProtection: false });
  expect(bib.errors).toEqual([]);
  expect(bib.entries[0]!.fields.eprint).toBe(m.arxivId);
  const json = JSON.parse(await file("json")) as { version: number; readings: unknown[] };
  expect(json.version).toBe(1);
  expect(json.readings).toHaveLength(3);
  const schema = await request.get("/api/schemas/meeting-export");
  expect(((await schema.json()) as { required: string[] }).required).toContain("version");

  // Unpublished: the link is a 404 at once, page and exports alike.
  await page.goto(`/en${m.path}/minutes`);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByRole("button", { name: "Publish" })).toBeVisible();
  expect((await v.goto(link))?.status()).toBe(404);
  expect((await request.get(`/api/minutes/${token}?format=md`)).status()).toBe(404);
  await visitor.close();
  await context.close();
});

test("unpublished minutes are for members only; bad tokens and formats are refused", async ({
  browser,
  request,
}) => {
  const m = await closedMeetingWithArxivPaper();
  const stranger = await makeUser();
  const s = await signedInPage(browser, stranger);
  expect(
    (await s.page.request.get(`/api/meetings/${m.meetingId}/minutes?format=md`)).status(),
  ).toBe(404);
  expect((await s.page.goto(`/en${m.path}/minutes`))?.status()).toBe(404);
  const member = await signedInPage(browser, m.readers[1]!);
  expect(
    (await member.page.request.get(`/api/meetings/${m.meetingId}/minutes?format=exe`)).status(),
  ).toBe(400);
  const ok = await member.page.request.get(
    `/api/meetings/${m.meetingId}/minutes?format=md&locale=ja`,
  );
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain("## 参考文献");
  // Members may write remarks but not publish.
  await member.page.goto(`/ja${m.path}/minutes`);
  await expect(member.page.getByRole("textbox", { name: "感想" })).toBeVisible();
  await expect(member.page.getByRole("button", { name: "公開する" })).toHaveCount(0);
  for (const token of ["x", "A".repeat(32), "../../etc/passwd", "%00"])
    expect(
      (await request.get(`/api/minutes/${encodeURIComponent(token)}?format=md`)).status(),
    ).toBe(404);
  await s.context.close();
  await member.context.close();
});

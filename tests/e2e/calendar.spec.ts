// Add to calendar: a scheduled meeting as an .ics file, and each member's private feed of the
// group's meetings that a calendar app subscribes to (no sign-in; the link is the key).
import { readFile } from "node:fs/promises";
import { test, expect, makeUser, makeGroup, addMember, signedInPage } from "./support/fixtures";
import { testDb } from "./support/db";

/** RFC 5545 text as one property per line (folded lines joined). */
function properties(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, "").split("\r\n");
}

test("a member subscribes to the group's meetings; the feed follows new meetings and a replaced link stops working", async ({
  browser,
  playwright,
}) => {
  const owner = await makeUser({ name: "Kai Owner" });
  const member = await makeUser({ name: "Mio Member" });
  const group = await makeGroup(owner.id, "ML 論文読み会");
  await addMember(group.slug, member.id);
  // The member reads Japanese: the feed's titles are in their language.
  await testDb().user.update({ where: { id: member.id }, data: { locale: "ja" } });

  const o = await signedInPage(browser, owner, { locale: "en", timezoneId: "Asia/Tokyo" });
  await o.page.goto(`/en/groups/${group.slug}`);
  // Scheduled from Tokyo for 19:00 on 1 March 2027: 10:00 UTC.
  await o.page.getByLabel("Date and time").fill("2027-03-01T19:00");
  await o.page.getByRole("button", { name: "Schedule" }).click();
  await expect(o.page).toHaveURL(/\/meetings\/1$/);

  const m = await signedInPage(browser, member, { locale: "ja", timezoneId: "Asia/Tokyo" });
  await m.page.goto(`/ja/groups/${group.slug}`);
  await m.page.getByRole("button", { name: "カレンダー用リンクを発行" }).click();
  const field = m.page.getByLabel("あなたのカレンダー用リンク");
  await expect(field).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
  const feedUrl = await field.inputValue();
  await expect(m.page.getByRole("link", { name: "カレンダーアプリで開く" })).toHaveAttribute(
    "href",
    feedUrl.replace(/^http:/, "webcal:"),
  );

  // A calendar app: no cookies, only the link.
  const app = await playwright.request.newContext();
  const first = await app.get(feedUrl);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("text/calendar");
  let lines = properties(await first.text());
  expect(lines).toContain("DTSTART:20270301T100000Z");
  // Fifty minutes of reading and half an hour of recaps.
  expect(lines).toContain("DTEND:20270301T112000Z");
  expect(lines).toContain("SUMMARY:第 1 回 論文読み勉強会（ML 論文読み会）");
  expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);

  // A second meeting shows up in the same feed on the next refresh.
  await o.page.goto(`/en/groups/${group.slug}`);
  await o.page.getByLabel("Date and time").fill("2027-03-08T19:00");
  await o.page.getByLabel("Title (optional)").fill("Diffusion, part 2");
  await o.page.getByRole("button", { name: "Schedule" }).click();
  await expect(o.page).toHaveURL(/\/meetings\/2$/);
  lines = properties(await (await app.get(feedUrl)).text());
  expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
  expect(lines).toContain("SUMMARY:Diffusion\\, part 2（ML 論文読み会）");

  // Coming back shows the same link; replacing it retires the old one at once.
  await m.page.reload();
  await expect(field).toHaveValue(feedUrl);
  m.page.once("dialog", (d) => void d.accept());
  await m.page.getByRole("button", { name: "リンクを再発行" }).click();
  await expect(m.page.getByText("新しいリンクを発行しました")).toBeVisible();
  await expect(field).not.toHaveValue(feedUrl);
  const renewed = await field.inputValue();
  expect((await app.get(feedUrl)).status()).toBe(404);
  expect((await app.get(renewed)).status()).toBe(200);

  // Someone who leaves the group takes their feed with them.
  m.page.once("dialog", (d) => void d.accept());
  await m.page.getByRole("button", { name: "グループを抜ける" }).click();
  await expect(m.page).toHaveURL(/\/ja\/groups$/);
  expect((await app.get(renewed)).status()).toBe(404);
  await app.dispose();
  await o.context.close();
  await m.context.close();
});

test("a scheduled meeting downloads as an .ics file in the reader's language", async ({
  browser,
}) => {
  const owner = await makeUser({ name: "Sora Owner" });
  const group = await makeGroup(owner.id, "Vision Club");
  const { page, context } = await signedInPage(browser, owner, {
    locale: "en",
    timezoneId: "Europe/Berlin",
  });
  await page.goto(`/en/groups/${group.slug}`);
  // 1 March 2027 is winter time in Berlin (UTC+1).
  await page.getByLabel("Date and time").fill("2027-03-01T18:30");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page).toHaveURL(/\/meetings\/1$/);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${group.slug}-1.ics`);
  const lines = properties(await readFile((await file.path())!, "utf8"));
  expect(lines).toContain("DTSTART:20270301T173000Z");
  expect(lines).toContain("SUMMARY:Paper reading session 1 · Vision Club");
  expect(lines.some((l) => l.startsWith("URL;VALUE=URI:") && l.endsWith("/meetings/1"))).toBe(true);
  // Once the meeting has started there is nothing left to add.
  await testDb().meeting.updateMany({
    where: { group: { slug: group.slug } },
    data: { phase: "READING", readingStartedAt: new Date() },
  });
  await page.reload();
  await expect(page.getByRole("link", { name: "Add to calendar" })).toHaveCount(0);
  await context.close();
});

// A group's backup, as an owner uses it: download from the settings, load into a new group.
import {
  test,
  expect,
  makeGroup,
  makeRecapMeeting,
  makeUser,
  signedInPage,
} from "./support/fixtures";

test("an owner downloads the group and loads it into a new, empty group", async ({ browser }) => {
  const m = await makeRecapMeeting();
  const { page, context } = await signedInPage(browser, m.facilitator);
  await page.goto(`/en/groups/${m.group.slug}/settings`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the backup" }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const backup = readFileSync(file!, "utf8");
  expect(JSON.parse(backup)).toMatchObject({ kind: "yomikai-group-backup", version: 1 });
  expect(backup).not.toMatch(/passwordHash|argon2/);

  // Loading into the same group is refused: it is not empty.
  const input = page.getByLabel("Load a backup into this group");
  await input.setInputFiles({
    name: "b.json",
    mimeType: "application/json",
    buffer: Buffer.from(backup),
  });
  await expect(page.getByTestId("backup-report")).toContainText("already has meetings");

  const copy = await makeGroup(m.facilitator.id, "Restored group");
  await page.goto(`/en/groups/${copy.slug}/settings`);
  await page
    .getByLabel("Load a backup into this group")
    .setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await expect(page.getByTestId("backup-report")).toHaveText(
    "Loaded 1 meeting, 3 readings, 3 papers and 4 people.",
  );
  await page.goto(`/en/groups/${copy.slug}/meetings/1`);
  await expect(page.getByTestId("board")).toContainText("Aoi Presenter");

  // A file that is not a backup: nothing loaded, and where it is wrong.
  const empty = await makeGroup(m.facilitator.id);
  await page.goto(`/en/groups/${empty.slug}/settings`);
  const broken = JSON.parse(backup) as { meetings: { facilitator: string }[] };
  broken.meetings[0]!.facilitator = "m99";
  await page.getByLabel("Load a backup into this group").setInputFiles({
    name: "b.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(page.getByTestId("backup-report")).toContainText(
    "meetings.0.facilitator: unknown member",
  );
  await context.close();
});

test("only owners back up a group: members get 403, others 404", async ({ browser }) => {
  const m = await makeRecapMeeting();
  const member = await signedInPage(browser, m.readers[0]!);
  const url = `/api/groups/${m.group.slug}/backup`;
  expect((await member.page.request.get(url)).status()).toBe(403);
  // Rights come before the body: a member learns nothing about the file.
  expect((await member.page.request.post(url, { data: {} })).status()).toBe(403);
  const stranger = await signedInPage(browser, await makeUser());
  expect((await stranger.page.request.get(url)).status()).toBe(404);
  await member.context.close();
  await stranger.context.close();
});

// Two app instances on one PostgreSQL database: a reader's Start on instance A reaches a board
// served by instance B through LISTEN/NOTIFY.
import {
  test,
  expect,
  signedInPage,
  makeUser,
  makeGroup,
  addMember,
  makeMeeting,
} from "./support/fixtures";
import { AppInstance } from "./support/instance";

const instanceB = new AppInstance(1);
const BASE_B = instanceB.url;

test.beforeAll(() => instanceB.start());
test.afterAll(() => instanceB.stop());

test("a Start on instance A appears on instance B's board within 2 s", async ({ browser }) => {
  const facilitator = await makeUser({ name: "Board Watcher" });
  const reader = await makeUser({ name: "Remote Reader" });
  const group = await makeGroup(facilitator.id);
  await addMember(group.slug, reader.id);
  const meeting = await makeMeeting(group.slug, facilitator.id);
  const path = `/en/groups/${group.slug}/meetings/${meeting.number}`;

  const f = await signedInPage(browser, facilitator);
  await f.page.goto(`${BASE_B}${path}`);
  const r = await signedInPage(browser, reader);
  await r.page.goto(path);
  await r.page.getByLabel("Paper title").fill("Mixture of Experts");
  await r.page.getByRole("button", { name: "Join as a reader" }).click();
  const row = f.page.locator('[data-reader="Remote Reader"]');
  await expect(row).toBeVisible({ timeout: 2000 });

  await r.page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(r.page.getByTestId("timer-status")).toHaveText("Reading");
  const started = Date.now();
  await expect(row.getByTestId("board-status")).toHaveText("Reading", { timeout: 2000 });
  expect(Date.now() - started).toBeLessThan(2000);
  await f.context.close();
  await r.context.close();
});

import { test, expect, signedInPage, makeUser } from "./support/fixtures";
import { testDb } from "./support/db";

test.describe("languages", () => {
  test("the browser's language picks the first page", async ({ browser }) => {
    for (const [locale, path, heading] of [
      ["ja-JP", "/ja", "50 分で読んで、2 分で伝える。"],
      ["en-US", "/en", "Read a paper in 50 minutes. Explain it in two."],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.locator("html")).toHaveAttribute("lang", path.slice(1));
      await context.close();
    }
  });

  test("the switcher changes language, and a signed-in user's choice is saved", async ({
    browser,
  }) => {
    const user = await makeUser({ locale: "en" });
    const { page, context } = await signedInPage(browser, user);
    await page.goto("/en/groups");
    await page
      .getByRole("group", { name: "Language" })
      .getByRole("button", { name: "日本語" })
      .click();
    await expect(page).toHaveURL(/\/ja\/groups$/);
    await expect(page.getByRole("heading", { name: "参加中のグループ" })).toBeVisible();
    await expect
      .poll(
        async () =>
          (
            await testDb().user.findUniqueOrThrow({
              where: { id: user.id },
              select: { locale: true },
            })
          ).locale,
      )
      .toBe("ja");
    // The cookie remembers it for the bare URL too.
    await page.goto("/");
    await expect(page).toHaveURL(/\/ja$/);
    await context.close();
  });
});

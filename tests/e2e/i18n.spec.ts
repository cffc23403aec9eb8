import { readFileSync } from "node:fs";
import type { Response } from "@playwright/test";
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

test("a page's messages arrive compiled, as its own language's cached script, not inside the page", async ({
  page,
}) => {
  // A message only client components show (the autosave's retry line), in both languages.
  const retrying = (locale: string): string =>
    JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")).summary.retrying;
  const strings = { en: retrying("en"), ja: retrying("ja") };
  for (const locale of ["en", "ja"] as const) {
    const scripts: { url: string; cache: string }[] = [];
    const collect = (response: Response) => {
      if (
        response.request().resourceType() === "script" &&
        !scripts.some((s) => s.url === response.url())
      )
        scripts.push({ url: response.url(), cache: response.headers()["cache-control"] ?? "" });
    };
    page.on("response", collect);
    await page.goto(`/${locale}/sign-in`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    page.off("response", collect);
    const html = await (await page.request.get(`/${locale}/sign-in`)).text();
    const loaded = await Promise.all(
      scripts.map(async (s) => ({ ...s, text: await (await page.request.get(s.url)).text() })),
    );
    const other = locale === "en" ? "ja" : "en";
    expect(html, "the catalog is not serialised into the page").not.toContain(strings[locale]);
    const catalog = loaded.filter((s) => s.text.includes(strings[locale]));
    expect(catalog, "the page's language arrives as one script").toHaveLength(1);
    expect(catalog[0]?.url).toContain("/_next/static/");
    expect(catalog[0]?.cache, "cached for good").toContain("immutable");
    expect(
      loaded.filter((s) => s.text.includes(strings[other])),
      "the other language is not loaded",
    ).toHaveLength(0);
    // Messages are compiled in the build, so no page ships ICU's message parser (its error names
    // survive minification).
    expect(
      loaded.filter((s) => s.text.includes("EXPECT_ARGUMENT_CLOSING_BRACE")).map((s) => s.url),
      "no message parser is shipped",
    ).toEqual([]);
  }
});

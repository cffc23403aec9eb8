import AxeBuilder from "@axe-core/playwright";
import {
  test,
  expect,
  signedInPage,
  makeUser,
  makeReading,
  makeRecapMeeting,
} from "./support/fixtures";

// Automated accessibility checks (WCAG 2.1 A and AA rules) on the pages people spend their time on.
test.describe("accessibility", () => {
  for (const [locale, scheme] of [
    ["en", "light"],
    ["ja", "dark"],
  ] as const) {
    test(`sign-in, groups and reading pages have no detectable violations (${locale}, ${scheme})`, async ({
      browser,
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`/${locale}/sign-in`);
      const signIn = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(signIn.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

      const user = await makeUser({ locale });
      const r = await makeReading(user);
      const s = await signedInPage(browser, user, { locale });
      await s.page.emulateMedia({ colorScheme: scheme });
      for (const path of [
        `/${locale}/groups`,
        `/${locale}${r.path}`,
        `/${locale}${r.path}/projector`,
      ]) {
        await s.page.goto(path);
        await s.page.waitForLoadState("networkidle").catch(() => undefined);
        // The countdowns show their digits once the clock is measured.
        if (path.includes("/meetings/"))
          await expect(s.page.getByText(/\d\d:\d\d/).first()).toBeVisible();
        const result = await new AxeBuilder({ page: s.page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .analyze();
        expect(
          result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" | ")}`),
          path,
        ).toEqual([]);
      }
      await s.context.close();
    });
  }

  for (const theme of ["Dark", "Light"] as const) {
    test(`the recap screen has no detectable violations (${theme.toLowerCase()})`, async ({
      browser,
    }) => {
      const m = await makeRecapMeeting();
      const s = await signedInPage(browser, m.facilitator, {
        viewport: { width: 1440, height: 900 },
      });
      await s.page.goto(`/en${m.path}/recap`);
      await expect(s.page.getByTestId("presenter-name")).toHaveText("Aoi Presenter");
      // Starts in the system's theme (light here); the button switches.
      if (theme === "Dark") await s.page.getByRole("button", { name: "Dark" }).click();
      await expect(s.page.getByTestId("recap-screen")).toHaveAttribute(
        "data-theme",
        theme.toLowerCase(),
      );
      const result = await new AxeBuilder({ page: s.page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" | ")}`),
      ).toEqual([]);
      await s.context.close();
    });
  }
});

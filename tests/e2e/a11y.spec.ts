import AxeBuilder from "@axe-core/playwright";
import { test, expect, signedInPage, makeUser, makeReading } from "./support/fixtures";

// Automated accessibility checks (WCAG 2.1 A and AA rules) on the pages people spend their time on.
test.describe("accessibility", () => {
  for (const locale of ["en", "ja"] as const) {
    test(`sign-in, groups and reading pages have no detectable violations (${locale})`, async ({
      browser,
      page,
    }) => {
      await page.goto(`/${locale}/sign-in`);
      const signIn = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(signIn.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

      const user = await makeUser({ locale });
      const r = await makeReading(user);
      const s = await signedInPage(browser, user, { locale });
      for (const path of [`/${locale}/groups`, `/${locale}${r.path}`]) {
        await s.page.goto(path);
        await s.page.waitForLoadState("networkidle").catch(() => undefined);
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
});

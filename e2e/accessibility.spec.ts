import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { donateThroughSandbox, PAGES } from "./helpers/site";

// axe-core against WCAG 2.1 A and AA on every page a donor can reach, in a left-to-right and the right-to-left
// language, in every project (playwright.config.ts): contrast and reflow depend on the layout the screen gets.
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AUDIT_LOCALES = ["en", "ar"] as const;
const AUDIT_PAGES = [
  ...PAGES.filter((path) => path !== "/donate/error"),
  "/donate/error?reason=declined",
  "/donate/busy?reason=busy",
  "/no-such-page",
];

/** The violations as one line each (rule, impact, the elements' selectors), so a failure reads without the trace. */
async function violationsOn(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} – ${violation.nodes
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
}

for (const locale of AUDIT_LOCALES) {
  for (const path of AUDIT_PAGES) {
    test(`/${locale}${path} has no WCAG 2.1 AA violation axe can find`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      expect(await violationsOn(page)).toEqual([]);
    });
  }

  test.describe(() => {
    test.use({ needs: ["sandbox"] });

    test(`/${locale}/donate/success after a real donation has no WCAG 2.1 AA violation`, async ({
      page,
      request,
    }) => {
      const id = await donateThroughSandbox(request, 2500);
      await page.goto(`/${locale}/donate/success?donation=${id}`);
      // The callback may land a moment after the return: the pending page reloads itself until it has.
      await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
      expect(await violationsOn(page)).toEqual([]);
    });
  });

  test(`/${locale}/donate with its error summary shown has no WCAG 2.1 AA violation`, async ({ page }) => {
    await page.goto(`/${locale}/donate`);
    await page.locator('input[name="amount"][value="custom"]').check();
    await page.locator("#customAmount").fill("0");
    await page.locator("#donation-form button[type=submit]").click();
    await expect(page.locator("[data-error-summary]")).toBeVisible();
    expect(await violationsOn(page)).toEqual([]);
  });
}

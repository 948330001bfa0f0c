import { fileURLToPath } from "node:url";
import { expect, test } from "./fixtures";
import { LOCALES, PAGES } from "./helpers/site";

// Each page in each language as the desktop and the Android project see it (playwright.config.ts), compared with
// the PNGs committed in e2e/visual.spec.ts-snapshots/. After a deliberate change of the look, run
// `npm run test:e2e:update-snapshots`, look at the new PNGs and commit them with the change.
// A deployment's campaign and texts are its own, so against BASE_URL these run only when asked for.
test.use({ needs: ["snapshot-content"] });

// What moves between runs while the look stays: the totals and the wall change with every donation, the footer
// carries the year. The stylesheet holds their size still.
const MOVING = [".progress-card", '[data-testid="donor-wall"] > :not(h2)', ".footer-legal"];
const HELD_STILL = fileURLToPath(new URL("./helpers/visual-held-still.css", import.meta.url));

for (const locale of LOCALES) {
  for (const path of PAGES) {
    test(`/${locale}${path} looks as it did`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      await expect(page).toHaveScreenshot(`${locale}${path.replaceAll("/", "-") || "-home"}.png`, {
        fullPage: true,
        mask: MOVING.map((selector) => page.locator(selector)),
        stylePath: HELD_STILL,
      });
    });
  }
}

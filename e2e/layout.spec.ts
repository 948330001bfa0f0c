import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PAGES } from "./helpers/site";

// Runs in every project (playwright.config.ts): what a page looks like depends on the screen it is read on.
// The six donor pages and the 404, in a left-to-right and the right-to-left language.
const LAYOUT_PAGES = [...PAGES, "/no-such-page"];
const LAYOUT_LOCALES = ["en", "ar"] as const;

// CSS pixels a finger needs: WCAG 2.5.5 (AAA), and Apple's and Android's own guidance. (2.5.8, AA, asks 24 and
// exempts links inside a sentence; no page has such a link today, so none is exempted here.)
const MIN_TARGET = 44;

/** Every link, button and field smaller than MIN_TARGET either way, described for the failure message. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    for (const control of document.querySelectorAll<HTMLElement>(controls)) {
      if (control.closest("[aria-hidden=true]") || !control.checkVisibility()) continue;
      // A checkbox or a radio is pressed through its label: the label is the target a finger meets.
      const isChoice = control instanceof HTMLInputElement && ["checkbox", "radio"].includes(control.type);
      const target = (isChoice && control.closest("label")) || control;
      const box = target.getBoundingClientRect();
      // Above the document's start: shown only on keyboard focus (the skip link, which has its own test).
      if (box.bottom + window.scrollY <= 0) continue;
      if (box.width + 0.01 >= min && box.height + 0.01 >= min) continue;
      const name =
        control.getAttribute("aria-label") ||
        control.textContent?.trim() ||
        control.getAttribute("name") ||
        control.id;
      small.push(`<${control.localName}> "${name}" is ${Math.round(box.width)}×${Math.round(box.height)} px`);
    }
    return small;
  }, MIN_TARGET);
}

/** The header's items grouped into rows as they are laid out: an item starting below a row's bottom opens one. */
async function headerRows(page: Page): Promise<string[][]> {
  const items = await page.locator(".site-header :is(.brand, .header-cta, nav a)").evaluateAll((elements) =>
    elements.map((element) => {
      const { top, bottom } = element.getBoundingClientRect();
      return { top, bottom, name: element.textContent?.trim() ?? "" };
    }),
  );
  const rows: Array<{ bottom: number; names: string[] }> = [];
  for (const item of items.sort((a, b) => a.top - b.top)) {
    const row = rows.at(-1);
    if (row && item.top < row.bottom - 1) {
      row.names.push(item.name);
      row.bottom = Math.max(row.bottom, item.bottom);
    } else rows.push({ bottom: item.bottom, names: [item.name] });
  }
  return rows.map((row) => row.names);
}

async function centreX(page: Page, selector: string): Promise<number> {
  const box = (await page.locator(selector).boundingBox())!;
  return box.x + box.width / 2;
}

for (const locale of LAYOUT_LOCALES) {
  for (const path of LAYOUT_PAGES) {
    const url = `/${locale}${path}`;

    test(`${url} fits the screen, with targets a finger can hit and a header of two rows at most`, async ({
      page,
    }) => {
      await page.goto(url);
      const { width } = page.viewportSize()!;

      const scroll = await page.evaluate(() => {
        const { scrollWidth, clientWidth } = document.scrollingElement!;
        return { scrollWidth, clientWidth };
      });
      expect.soft(scroll.scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(scroll.clientWidth);

      expect.soft(await smallTargets(page), `targets under ${MIN_TARGET} px`).toEqual([]);

      const rows = await headerRows(page);
      // Above 760 px the header is a one-row grid (app/globals.css); phones get two rows.
      expect
        .soft(rows.length, `header rows: ${JSON.stringify(rows)}`)
        .toBeLessThanOrEqual(width > 760 ? 1 : 2);

      // Mirrored in Arabic: the brand at the reading start, the call to donate at the end.
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      const [brand, donate] = [await centreX(page, ".brand"), await centreX(page, ".header-cta")];
      if (locale === "ar") {
        expect.soft(brand, "the brand sits in the right half").toBeGreaterThan(width / 2);
        expect.soft(donate, "the donate button sits in the left half").toBeLessThan(width / 2);
      } else {
        expect.soft(brand, "the brand sits in the left half").toBeLessThan(width / 2);
        expect.soft(donate, "the donate button sits in the right half").toBeGreaterThan(width / 2);
      }
    });
  }

  test(`/${locale}: the first Tab shows the skip link in view, and it moves focus to the content`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/about`);
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport({ ratio: 1 });
    const box = (await skip.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(MIN_TARGET);
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });
}

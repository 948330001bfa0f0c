import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { messagesOf } from "./helpers/site";

// A donor who uses no mouse: every step of a donation reached with Tab, chosen with the arrows and Space, sent with
// Space and Enter, through the gateway's page to the thank-you. Desktop only (playwright.config.ts): phones have no
// Tab key. It pays through the sandbox.
test.use({ needs: ["sandbox"] });

/** The focused element as the expected order names it: a field by its name, a link by its text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement;
    if (["input", "textarea"].includes(element.localName)) return `${element.localName} ${element.name}`;
    return `${element.localName} "${element.textContent?.trim()}"`;
  });
}

/**
 * Whether the focused element shows that it has focus: an outline or a ring. A radio drawn by its label's box
 * (the input itself is transparent) shows it on that box.
 */
function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let element = document.activeElement as HTMLElement;
    if (getComputedStyle(element).opacity === "0" && element.nextElementSibling)
      element = element.nextElementSibling as HTMLElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
  });
}

test("a donor completes a donation with the keyboard alone, seeing where the focus is at every step", async ({
  page,
}) => {
  const { SiteHeader, Metadata, DonationForm, SuccessPage } = messagesOf("en");
  const amount = new Intl.NumberFormat("en", { style: "currency", currency: "EUR" }).format(50);
  // What the donor does on reaching each stop; the rest they Tab past.
  const actions: Record<string, () => Promise<void>> = {
    "input amount": () => page.keyboard.press("ArrowRight"),
    "input name": () => page.keyboard.type("Kim Keys"),
    "input email": () => page.keyboard.type("kim.keys@example.org"),
    "input showAmount": () => page.keyboard.press("Space"),
  };

  await page.goto("/en/donate");
  const order: string[] = [];
  const unseen: string[] = [];
  const submit = `button "${DonationForm.submit}"`;
  while (order.length < 20 && order.at(-1) !== submit) {
    await page.keyboard.press("Tab");
    const stop = await focused(page);
    order.push(stop);
    if (!(await focusIsVisible(page))) unseen.push(stop);
    await actions[stop]?.();
  }

  expect(order).toEqual([
    `a "${SiteHeader.skipToContent}"`,
    `a "${Metadata.siteName}"`,
    `a "${SiteHeader.about}"`,
    `a "${SiteHeader.contact}"`,
    'a "English"',
    'a "Français"',
    'a "العربية"',
    `a "${SiteHeader.donate}"`,
    "input amount",
    "input customAmount",
    "input coverFees",
    "input name",
    "input email",
    "input anonymous",
    "textarea message",
    "input showAmount",
    submit,
  ]);
  expect(unseen, "focused without a visible outline or ring").toEqual([]);
  // ArrowRight moved the choice from the preset €25 to €50; Space ticked the box.
  await expect(page.locator('input[name="amount"][value="5000"]')).toBeChecked();
  await expect(page.locator('input[name="showAmount"]')).toBeChecked();

  await page.keyboard.press("Space");
  await page.waitForURL(/\/sandbox\/checkout\/sbx_/);
  await expect(page.getByTestId("sandbox-amount")).toHaveText(amount);

  await page.keyboard.press("Tab");
  await expect(page.locator('button[value="pay"]')).toBeFocused();
  expect(await focusIsVisible(page), "the Pay button shows its focus").toBe(true);
  await page.keyboard.press("Enter");

  await page.waitForURL(/\/en\/donate\/success\?donation=don_/);
  await expect(page.locator("h1")).toHaveText(SuccessPage.title);
  // The pending page reloads itself until the gateway's callback has landed.
  await expect(page.getByTestId("donation-result")).toHaveText(SuccessPage.body.replace("{amount}", amount));
});

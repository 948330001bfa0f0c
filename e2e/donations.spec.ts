import type { Browser, Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import type en from "../messages/en.json";
import { expect, test } from "./fixtures";
import { LOCALES, messagesOf, type Locale } from "./helpers/site";

// A full donation through the sandbox gateway, in every locale, with and without JavaScript: the donate form,
// the hosted checkout, the signed callback, the return redirect, the result page and the home page's total.

const CUSTOM_AMOUNT = { typed: "12,34", minor: 1234 };

function textsOf(locale: Locale) {
  const messages = messagesOf(locale) as unknown as typeof en;
  return {
    success: createTranslator({ locale, messages, namespace: "SuccessPage" }),
    error: createTranslator({ locale, messages, namespace: "ErrorPage" }),
    amount: new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(
      CUSTOM_AMOUNT.minor / 100,
    ),
  };
}

async function raisedOnHome(page: Page, locale: Locale): Promise<string> {
  await page.goto(`/${locale}`);
  return (await page.getByTestId("raised-amount").textContent()) ?? "";
}

/** From the donate page to the sandbox checkout, choosing "other amount" so the form's parsing is exercised. */
async function startDonation(page: Page, locale: Locale) {
  await page.goto(`/${locale}/donate`);
  await page.locator('input[name="amount"][value="custom"]').check();
  await page.locator("#customAmount").fill(CUSTOM_AMOUNT.typed);
  await page.locator("#donation-form button[type=submit]").click();
  await page.waitForURL(/\/sandbox\/checkout\/sbx_/);
  await expect(page.getByTestId("sandbox-amount")).toHaveText(textsOf(locale).amount);
}

async function pressOnCheckout(page: Page, choice: "pay" | "decline" | "cancel") {
  const result = page.waitForResponse((response) => /\/donate\/(success|error)/.test(response.url()));
  await page.locator(`button[name="choice"][value="${choice}"]`).click();
  const response = await result;
  expect(response.headers()["cache-control"]).toMatch(/no-store/);
}

function donationFlows(javaScriptEnabled: boolean) {
  const newPage = async (browser: Browser) => (await browser.newContext({ javaScriptEnabled })).newPage();

  for (const locale of LOCALES) {
    test(`a payment in ${locale} shows the thank-you and moves the home page total`, async ({ browser }) => {
      const page = await newPage(browser);
      const before = await raisedOnHome(page, locale);
      const texts = textsOf(locale);

      await startDonation(page, locale);
      await pressOnCheckout(page, "pay");

      await expect(page).toHaveURL(new RegExp(`/${locale}/donate/success\\?donation=don_`));
      await expect(page.locator("h1")).toHaveText(texts.success("title"));
      await expect(page.getByTestId("donation-result")).toHaveText(
        texts.success("body", { amount: texts.amount }),
      );
      // The page is regenerated in the background after the payment invalidates the totals: reload until it shows.
      await expect
        .poll(() => raisedOnHome(page, locale), { timeout: 30_000, intervals: [1_000] })
        .not.toBe(before);
    });

    for (const [choice, reason] of [
      ["decline", "declined"],
      ["cancel", "cancelled"],
    ] as const) {
      test(`a ${choice} in ${locale} explains that no money was taken`, async ({ browser }) => {
        const page = await newPage(browser);
        const texts = textsOf(locale);

        await startDonation(page, locale);
        await pressOnCheckout(page, choice);

        await expect(page).toHaveURL(new RegExp(`/${locale}/donate/error\\?reason=${reason}$`));
        await expect(page.locator("h1")).toHaveText(texts.error("title"));
        await expect(page.getByTestId("donation-result")).toHaveText(texts.error("reason", { reason }));
      });
    }
  }
}

test.describe("donations with JavaScript", () => {
  test.use({ needs: ["sandbox"] });
  donationFlows(true);
});
test.describe("donations without JavaScript", () => {
  test.use({ needs: ["sandbox"] });
  donationFlows(false);
});

// The server refuses the amount before any gateway is asked, so this runs against any deployment.
test("a form post with an amount the server refuses lands on the localized error page", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto("/fr/donate");
  await page.locator('input[name="amount"][value="custom"]').check();
  await page.locator("#customAmount").fill("0,50");
  await page.locator("#donation-form button[type=submit]").click();

  await expect(page).toHaveURL(/\/fr\/donate\/error\?reason=invalid$/);
  await expect(page.getByTestId("donation-result")).toHaveText(
    textsOf("fr").error("reason", { reason: "invalid" }),
  );
});

test.describe("a pending donation", () => {
  // Starting a donation opens a checkout at the gateway: only the sandbox's is free of consequences.
  test.use({ needs: ["sandbox"] });

  test("has a success page that says so, refreshes itself and shows no personal data", async ({
    page,
    request,
  }) => {
    const donor = { name: '<img src=x onerror="alert(1)">Zoë Secret', email: "zoe.secret@example.org" };
    const started = await request.post("/api/donations", {
      data: { amount: 4200, currency: "EUR", locale: "ar", ...donor },
    });
    expect(started.status()).toBe(201);
    const { id } = await started.json();

    const response = await page.goto(`/ar/donate/success?donation=${id}`);

    expect(response?.headers()["cache-control"]).toMatch(/no-store/);
    const amount = new Intl.NumberFormat("ar", { style: "currency", currency: "EUR" }).format(42);
    await expect(page.getByTestId("donation-result")).toHaveText(
      textsOf("ar").success("pending", { amount }),
    );
    await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(1);
    const html = await page.content();
    expect(html).not.toContain("Zoë Secret");
    expect(html).not.toContain(donor.email);
  });
});

import type { Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import type en from "../messages/en.json";
import { expect, test as base } from "./fixtures";
import { messagesOf, type Locale } from "./helpers/site";
import { startStripeSite, type ProviderSite } from "./helpers/provider-site";
import type { StripeTestServer } from "../lib/testing/stripe-test-server";

type StripeSite = ProviderSite<StripeTestServer>;

// A donation end to end with PAYMENT_PROVIDER=stripe: the donate form, the redirect to the hosted page (the
// stand-in for checkout.stripe.com, allowed by the build's CSP), Stripe's signed webhook, the return that asks
// Stripe again, and the result page. The site is the same build started again on Stripe (helpers/provider-site.ts).

const test = base.extend<object, { stripeSite: StripeSite }>({
  stripeSite: [
    // (`provide` is Playwright's `use`, renamed so the React hook rule leaves it alone.)
    async ({}, provide) => {
      const site = await startStripeSite();
      await provide(site);
      await site.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
});
test.use({ needs: ["provider-stand-ins"] });

function textsOf(locale: Locale) {
  const messages = messagesOf(locale) as unknown as typeof en;
  return {
    success: createTranslator({ locale, messages, namespace: "SuccessPage" }),
    error: createTranslator({ locale, messages, namespace: "ErrorPage" }),
    amount: new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(25),
  };
}

/** From the donate page to Stripe's hosted page with the €25 preset; returns the Checkout Session's id. */
async function startDonation(page: Page, site: StripeSite, locale: Locale): Promise<string> {
  await page.goto(`${site.url}/${locale}/donate`);
  await page.locator('input[name="amount"][value="2500"]').check();
  await page.locator("#donation-form button[type=submit]").click();
  await page.waitForURL(new RegExp(`^${site.standIn.url}/c/pay/cs_test_`));
  await expect(page.getByTestId("stripe-amount")).toHaveText("2500 eur");
  return page.url().split("/").pop()!;
}

const choose = (page: Page, choice: string) =>
  page.locator(`button[name="choice"][value="${choice}"]`).click();

test.describe("Stripe Checkout", () => {
  test("a card payment shows the thank-you page once Stripe confirms it", async ({ page, stripeSite }) => {
    const texts = textsOf("en");
    const sessionId = await startDonation(page, stripeSite, "en");
    const session = stripeSite.standIn.sessions.get(sessionId)!;
    expect(session.params).toMatchObject({ mode: "payment", submit_type: "donate", locale: "en" });

    await choose(page, "pay");

    await expect(page).toHaveURL(new RegExp(`^${stripeSite.url}/en/donate/success\\?donation=don_`));
    await expect(page.getByTestId("donation-result")).toHaveText(
      texts.success("body", { amount: texts.amount }),
    );
  });

  test("a declined card keeps the donor on Stripe, and Cancel brings them to our cancelled page", async ({
    page,
    stripeSite,
  }) => {
    const texts = textsOf("fr");
    await startDonation(page, stripeSite, "fr");

    await choose(page, "decline");
    await expect(page.getByRole("alert")).toHaveText("Your card was declined.");
    await choose(page, "cancel");

    await expect(page).toHaveURL(`${stripeSite.url}/fr/donate/error?reason=cancelled`);
    await expect(page.getByTestId("donation-result")).toHaveText(
      texts.error("reason", { reason: "cancelled" }),
    );
  });

  test("a delayed payment waits on the page without claiming the gift, then confirms by itself", async ({
    page,
    stripeSite,
  }) => {
    const texts = textsOf("ar");
    const sessionId = await startDonation(page, stripeSite, "ar");
    expect(stripeSite.standIn.sessions.get(sessionId)!.params.locale).toBe("auto");

    await choose(page, "pay_delayed");

    await expect(page.getByTestId("donation-result")).toHaveText(
      texts.success("pending", { amount: texts.amount }),
    );
    await stripeSite.standIn.settleDelayed(sessionId, "succeeded");
    // The page refreshes itself while the donation is pending.
    await expect(page.getByTestId("donation-result")).toHaveText(
      texts.success("body", { amount: texts.amount }),
      {
        timeout: 10_000,
      },
    );
  });
});

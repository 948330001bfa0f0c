import type { Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import type en from "../messages/en.json";
import type { MollieTestServer } from "../lib/testing/mollie-test-server";
import { expect, test as base } from "./fixtures";
import { messagesOf, type Locale } from "./helpers/site";
import { startMollieSite, type ProviderSite } from "./helpers/provider-site";

// A donation end to end with PAYMENT_PROVIDER=mollie: the donate form, the redirect to the hosted page (the
// stand-in for www.mollie.com, allowed by the build's CSP), Mollie's unsigned webhook answered by asking Mollie,
// the return, and the result page. The site is the same build started again on Mollie (helpers/provider-site.ts).

type MollieSite = ProviderSite<MollieTestServer>;

const test = base.extend<object, { mollieSite: MollieSite }>({
  mollieSite: [
    // (`provide` is Playwright's `use`, renamed so the React hook rule leaves it alone.)
    async ({}, provide) => {
      const site = await startMollieSite();
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

/** From the donate page to Mollie's hosted page with the €25 preset; returns the payment's id. */
async function startDonation(page: Page, site: MollieSite, locale: Locale): Promise<string> {
  await page.goto(`${site.url}/${locale}/donate`);
  await page.locator('input[name="amount"][value="2500"]').check();
  await page.locator("#donation-form button[type=submit]").click();
  await page.waitForURL(new RegExp(`^${site.standIn.url}/checkout/select-method/tr_`));
  await expect(page.getByTestId("mollie-amount")).toHaveText("EUR 25.00");
  return page.url().split("/").pop()!;
}

const choose = (page: Page, choice: string) =>
  page.locator(`button[name="choice"][value="${choice}"]`).click();

test.describe("Mollie", () => {
  test("a paid payment shows the thank-you page", async ({ page, mollieSite }) => {
    const texts = textsOf("en");
    await startDonation(page, mollieSite, "en");

    await choose(page, "paid");

    await expect(page).toHaveURL(new RegExp(`^${mollieSite.url}/en/donate/success\\?donation=don_`));
    await expect(page.getByTestId("donation-result")).toHaveText(
      texts.success("body", { amount: texts.amount }),
    );
  });

  test("a failed payment explains that no money was taken", async ({ page, mollieSite }) => {
    const texts = textsOf("fr");
    await startDonation(page, mollieSite, "fr");

    await choose(page, "failed");

    await expect(page).toHaveURL(`${mollieSite.url}/fr/donate/error?reason=declined`);
    await expect(page.getByTestId("donation-result")).toHaveText(
      texts.error("reason", { reason: "declined" }),
    );
  });

  test("a pending payment waits on the page, then confirms by itself once Mollie says paid", async ({
    page,
    mollieSite,
  }) => {
    const texts = textsOf("ar");
    const paymentId = await startDonation(page, mollieSite, "ar");

    await choose(page, "pending");

    await expect(page.getByTestId("donation-result")).toHaveText(
      texts.success("pending", { amount: texts.amount }),
    );
    // Mollie sends a webhook again until it is answered 2xx. Asking Mollie about it spends the gateway's rate like
    // any call, and the e2e server's cap is 3 a second (e2e/config.ts): this donation's checkout, its first webhook
    // and the donor's return may have used this second's share, and the webhook is then refused with a 503. The
    // stand-in sends once, so the test sends again, as Mollie would, only sooner.
    await expect
      .poll(async () => (await mollieSite.standIn.settle(paymentId, "paid")).status, { intervals: [1_000] })
      .toBe(200);
    await expect(page.getByTestId("donation-result")).toHaveText(
      texts.success("body", { amount: texts.amount }),
      { timeout: 10_000 },
    );
  });
});

import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import type en from "../messages/en.json";
import { expect, test } from "./fixtures";
import { messagesOf, type Locale } from "./helpers/site";

// The donor wall and the fee option, in English and Arabic, with and without JavaScript: a donor covers the fee
// and leaves a message, pays on the sandbox checkout, and appears on the home page once it has regenerated.

test.describe.configure({ mode: "serial" });
// Every flow here pays on the sandbox checkout; the prerender test also takes a table away.
test.use({ needs: ["sandbox"] });

const WALL_LOCALES = ["en", "ar"] as const satisfies readonly Locale[];
// The sandbox's fee schedule in the e2e server is the default, 1 % + €0.28: €25 costs €0.54 to cover.
const GIFT = 2500;
const FEE = 54;

const money = (minor: number, locale: Locale) => {
  const whole = minor % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(minor / 100);
};

function textsOf(locale: Locale) {
  const messages = messagesOf(locale) as unknown as typeof en;
  return {
    form: createTranslator({ locale, messages, namespace: "DonationForm" }),
    wall: createTranslator({ locale, messages, namespace: "DonorWall" }),
    charity: messages.Metadata.siteName,
  };
}

async function donate(
  page: Page,
  locale: Locale,
  donor: {
    name?: string;
    email?: string;
    message?: string;
    anonymous?: boolean;
    showAmount?: boolean;
    coverFees?: boolean;
  },
) {
  await page.goto(`/${locale}/donate`);
  await page.locator(`input[name="amount"][value="${GIFT}"]`).check();
  if (donor.name) await page.getByLabel(textsOf(locale).form("name")).fill(donor.name);
  if (donor.email) await page.locator("#email").fill(donor.email);
  if (donor.anonymous) await page.getByLabel(textsOf(locale).form("anonymous")).check();
  if (donor.message) await page.getByLabel(textsOf(locale).form("message")).fill(donor.message);
  if (donor.showAmount) await page.getByLabel(textsOf(locale).form("showAmount")).check();
  if (donor.coverFees) await page.locator('input[name="coverFees"]').check();
  await page.locator("#donation-form button[type=submit]").click();
  await page.waitForURL(/\/sandbox\/checkout\/sbx_/);
  await expect(page.getByTestId("sandbox-amount")).toHaveText(
    new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(
      (GIFT + (donor.coverFees ? FEE : 0)) / 100,
    ),
  );
  await page.locator('button[name="choice"][value="pay"]').click();
  await page.waitForURL(/\/donate\/success\?donation=don_/);
}

/** The home page's wall entry with this text, once the page has been regenerated with it. */
async function wallEntry(page: Page, locale: Locale, text: string) {
  await expect
    .poll(
      async () => {
        await page.goto(`/${locale}`);
        return page.getByTestId("donor").filter({ hasText: text }).count();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(1);
  return page.getByTestId("donor").filter({ hasText: text });
}

function wallFlows(javaScriptEnabled: boolean) {
  const newPage = async (browser: Browser) => (await browser.newContext({ javaScriptEnabled })).newPage();

  for (const locale of WALL_LOCALES) {
    test(`in ${locale}, the fee option is off by default and names the fee`, async ({ browser }) => {
      const page = await newPage(browser);
      const { form, charity } = textsOf(locale);
      await page.goto(`/${locale}/donate`);
      const option = page.locator('input[name="coverFees"]');
      await expect(option).not.toBeChecked();
      const label = page.locator("label.cover-fees");
      if (javaScriptEnabled) {
        await page.locator(`input[name="amount"][value="${GIFT}"]`).check();
        await expect(label).toHaveText(
          form("coverFeesLive", {
            fee: money(FEE, locale),
            amount: money(GIFT, locale),
            charity,
          }),
        );
        // Typing another amount updates it live: €12.34 costs €0.41 to cover at 1 % + €0.28.
        await page.locator('input[name="amount"][value="custom"]').check();
        await page.locator("#customAmount").fill("12.34");
        await expect(label).toHaveText(
          form("coverFeesLive", {
            fee: money(41, locale),
            amount: money(1234, locale),
            charity,
          }),
        );
      } else {
        const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
          0.01,
        );
        const rate = `${percent} + ${new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(0.28)}`;
        await expect(label).toHaveText(form("coverFees", { rate, charity }));
      }
    });

    test(`in ${locale}, a donor who covers the fee appears on the wall with their message and amount`, async ({
      browser,
    }) => {
      const page = await newPage(browser);
      const name = `Wall ${locale} ${javaScriptEnabled ? "js" : "nojs"} ${randomUUID().slice(0, 6)}`;
      const message = "<b>Bravo</b> https://example.org";
      await donate(page, locale, { name, message, showAmount: true, coverFees: true });

      const entry = await wallEntry(page, locale, name);
      // The message is shown as the characters typed: no bold, no link.
      await expect(entry.locator(".donor-message")).toHaveText(message);
      await expect(entry.locator("b, a")).toHaveCount(0);
      // The wall shows the gift, not what was charged with the fee.
      await expect(entry.locator(".donor-amount")).toHaveText(money(GIFT, locale));
    });
  }
}

test.describe("with JavaScript", () => wallFlows(true));
test.describe("without JavaScript", () => wallFlows(false));

test.describe("privacy", () => {
  test("an anonymous donor shows as Anonymous and their name and email reach no page", async ({
    browser,
  }) => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const secret = `Secret ${randomUUID().slice(0, 8)}`;
    const message = `Anonymous note ${randomUUID().slice(0, 6)}`;
    await donate(page, "ar", {
      name: secret,
      email: `${secret.replace(" ", ".")}@example.org`,
      anonymous: true,
      message,
    });

    for (const locale of WALL_LOCALES) {
      const entry = await wallEntry(page, locale, message);
      await expect(entry.locator(".donor-name")).toHaveText(textsOf(locale).wall("anonymous"));
      await expect(entry.locator(".donor-amount")).toHaveCount(0);
      const html = await (await page.request.get(`/${locale}`)).text();
      expect(html).not.toContain(secret);
      expect(html).not.toContain("@example.org");
    }
  });

  test("a donor who gave no name shows as A friend", async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    const message = `Friendly note ${randomUUID().slice(0, 6)}`;
    await donate(page, "en", { message });
    const entry = await wallEntry(page, "en", message);
    await expect(entry.locator(".donor-name")).toHaveText(textsOf("en").wall("friend"));
  });
});

test.describe("the prerendered wall", () => {
  test.use({ needs: ["sandbox", "database"] });

  test("is part of the page: views do not read donations", async ({ request, database: db }) => {
    let first = await request.get("/en");
    for (const deadline = Date.now() + 30_000; first.headers()["x-nextjs-cache"] !== "HIT";) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 500));
      first = await request.get("/en");
    }
    const wall = (await first.text()).match(/data-testid="donor-wall"[\s\S]*?<\/section>/)?.[0];
    expect(wall).toContain('data-testid="donor"');
    // Any query for donations fails while the table is away; the page must not notice.
    await db.query("ALTER TABLE donations RENAME TO donations_away");
    try {
      for (let view = 0; view < 20; view += 1) {
        const response = await request.get("/en");
        expect(response.status()).toBe(200);
        expect(["HIT", "STALE"]).toContain(response.headers()["x-nextjs-cache"]);
        expect((await response.text()).match(/data-testid="donor-wall"[\s\S]*?<\/section>/)?.[0]).toBe(wall);
      }
    } finally {
      await db.query("ALTER TABLE donations_away RENAME TO donations");
    }
  });
});

// Of the wall the flows above filled, so they share the file's need of the sandbox.
test.describe("screenshots", () => {
  for (const [device, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    for (const locale of WALL_LOCALES) {
      test(`${device} ${locale}: the wall and the donate form`, async ({ browser }, testInfo) => {
        const page = await (await browser.newContext({ viewport })).newPage();
        await page.goto(`/${locale}`);
        await page.getByTestId("donor-wall").scrollIntoViewIfNeeded();
        await page
          .getByTestId("donor-wall")
          .screenshot({ path: testInfo.outputPath(`wall-${device}-${locale}.png`) });
        await page.goto(`/${locale}/donate`);
        await page.locator('input[name="coverFees"]').check();
        await page.screenshot({
          path: testInfo.outputPath(`donate-${device}-${locale}.png`),
          fullPage: true,
        });
      });
    }
  }
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import compile from "icu-minify/compile";
import { createTranslator } from "use-intl/core";
import type EnglishMessages from "../messages/en.json";
import { expect, test } from "./fixtures";
import { fetchTotals, LOCALES, type Locale } from "./helpers/site";

// Every page must read exactly what the catalogs say. The expected texts are formatted here from the raw catalogs
// with the ICU runtime parser, so they also prove that the build's precompiled messages render the same text.
function catalog(locale: Locale): typeof EnglishMessages {
  return JSON.parse(readFileSync(new URL(`../messages/${locale}.json`, import.meta.url), "utf8"));
}

function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalog(locale), timeZone: "UTC" });
}
type Translate = ReturnType<typeof translatorFor>;

/** An amount in minor units as Intl writes it; `whole` drops zero decimals, as the site does for round amounts. */
function moneyIn(locale: Locale, currency: string) {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
    .maximumFractionDigits!;
  return (minor: number, { whole = false } = {}) => {
    const fraction = whole && minor % 10 ** digits === 0 ? 0 : digits;
    const format = {
      style: "currency",
      currency,
      minimumFractionDigits: fraction,
      maximumFractionDigits: fraction,
    };
    return new Intl.NumberFormat(locale, format as Intl.NumberFormatOptions).format(minor / 10 ** digits);
  };
}
type Money = ReturnType<typeof moneyIn>;

// Values the pages pass to their messages (campaign defaults of the e2e server, fixed figures of the pages).
const pages: Array<{
  path: string;
  title?: (t: Translate) => string;
  texts: (t: Translate, money: Money) => string[];
}> = [
  {
    path: "",
    title: (t) => `${t("Metadata.homeTitle")} · ${t("Metadata.siteName")}`,
    texts: (t, money) => [
      t("HomePage.eyebrow"),
      t("HomePage.title"),
      t("HomePage.appeal"),
      t("HomePage.cta"),
      t("HomePage.learnMore"),
      t("HomePage.impactTitle"),
      t("HomePage.impactFilter", { amount: money(2500, { whole: true }) }),
      t("HomePage.impactTank", { amount: money(25000, { whole: true }) }),
      t("HomePage.impactPump", { amount: money(100000, { whole: true }) }),
      t("RaisedProgress.goal", { goal: money(10000000, { whole: true }) }),
    ],
  },
  {
    path: "/donate",
    title: (t) => `${t("Metadata.donateTitle")} · ${t("Metadata.siteName")}`,
    texts: (t, money) => [
      t("DonatePage.title"),
      t("DonatePage.intro"),
      t("DonatePage.secure"),
      t("DonationForm.legend"),
      t("DonationForm.custom"),
      t("DonationForm.customLabel", { currency: "EUR" }),
      t("DonationForm.customHint", {
        min: money(100, { whole: true }),
        max: money(1000000, { whole: true }),
      }),
      t("DonationForm.detailsLegend"),
      t("DonationForm.name"),
      t("DonationForm.email"),
      t("DonationForm.emailHint"),
      t("DonationForm.anonymous"),
      t("DonationForm.submit"),
    ],
  },
  {
    path: "/donate/success",
    title: (t) => `${t("Metadata.successTitle")} · ${t("Metadata.siteName")}`,
    texts: (t) => [t("SuccessPage.title"), t("SuccessPage.unknown"), t("SuccessPage.backHome")],
  },
  {
    path: "/donate/error?reason=declined",
    title: (t) => `${t("Metadata.errorTitle")} · ${t("Metadata.siteName")}`,
    texts: (t) => [
      t("ErrorPage.title"),
      t("ErrorPage.reason", { reason: "declined" }),
      t("ErrorPage.retry"),
      t("ErrorPage.backHome"),
    ],
  },
  {
    path: "/contact",
    title: (t) => `${t("Metadata.contactTitle")} · ${t("Metadata.siteName")}`,
    texts: (t) =>
      (["title", "intro", "emailLabel", "email", "phoneLabel", "phone", "addressLabel", "address"] as const)
        .map((key) => t(`ContactPage.${key}`))
        .concat(t("ContactPage.hoursLabel"), t("ContactPage.hours")),
  },
  {
    path: "/about",
    title: (t) => `${t("Metadata.aboutTitle")} · ${t("Metadata.siteName")}`,
    texts: (t, money) => [
      t("AboutPage.title"),
      t("AboutPage.story"),
      t("AboutPage.missionTitle"),
      t("AboutPage.mission"),
      t("AboutPage.numbersTitle"),
      t("AboutPage.numbers", { wells: 1240, people: 486000 }),
      t("AboutPage.accountabilityTitle"),
      t("AboutPage.accountability", { amount: money(1000, { whole: true }), programmes: money(880) }),
    ],
  },
  {
    path: "/no-such-page",
    title: (t) => `${t("Metadata.notFoundTitle")} · ${t("Metadata.siteName")}`,
    texts: (t) => [t("NotFoundPage.title"), t("NotFoundPage.body"), t("NotFoundPage.backHome")],
  },
];

// next-intl prints a message it cannot find as its key (`HomePage.title`): every key of the reference catalog.
const MESSAGE_KEYS = Object.entries(catalog("en")).flatMap(([namespace, messages]) =>
  Object.keys(messages).map((key) => `${namespace}.${key}`),
);

/** The catalog keys a page shows where their texts belong: named in the failure, so the fault reads at once. */
async function keysShown(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() =>
    [
      document.title,
      ...["header", "main", "footer"].map((tag) => document.querySelector(tag)?.textContent),
    ].join("\n"),
  );
  return MESSAGE_KEYS.filter((key) => shown.includes(key));
}

// Within the page's landmarks only: the data scripts at the end of <body> carry the same texts, but not on screen.
// (textContent rather than innerText, which would carry the CSS capitals of the eyebrow.)
async function expectOnScreen(page: Page, region: "main" | "banner" | "contentinfo", texts: string[]) {
  const locator = region === "main" ? page.locator("main") : page.getByRole(region);
  for (const text of texts) await expect(locator).toContainText(text);
}

for (const locale of LOCALES) {
  const t = translatorFor(locale);
  const money = moneyIn(locale, "EUR");

  test.describe(`texts in ${locale}`, () => {
    for (const { path: pagePath, title, texts } of pages) {
      test(`/${locale}${pagePath} reads its catalog texts, header and footer`, async ({ page }) => {
        await page.goto(`/${locale}${pagePath}`);
        expect(await keysShown(page), "message keys shown in place of their texts").toEqual([]);
        if (title) await expect(page).toHaveTitle(title(t));
        await expectOnScreen(page, "main", texts(t, money));
        await expectOnScreen(page, "banner", [
          t("SiteHeader.about"),
          t("SiteHeader.contact"),
          t("SiteHeader.donate"),
        ]);
        await expectOnScreen(page, "contentinfo", [
          t("SiteFooter.charity"),
          t("SiteFooter.secure"),
          // A date argument: the copyright year, formatted for the locale.
          t("SiteFooter.copyright", { year: new Date() }),
        ]);
      });
    }

    test(`/${locale} names each language through the LocaleSwitcher select`, async ({ page }) => {
      await page.goto(`/${locale}`);
      const switcher = page.getByRole("navigation", { name: t("LocaleSwitcher.label") });
      await expect(switcher.getByRole("link")).toHaveText(
        LOCALES.map((code) => t("LocaleSwitcher.locale", { locale: code })),
      );
    });

    test(`/${locale} shows the donor count through the plural and the amounts for ${locale}`, async ({
      page,
      request,
    }) => {
      const totals = await fetchTotals(request);
      await page.goto(`/${locale}`);
      // After the browser's refresh from /api/totals, so the client's precompiled messages are checked too.
      await expect(page.getByTestId("donor-count")).toHaveText(
        t("RaisedProgress.donors", { count: totals.donors }),
      );
      await expect(page.getByTestId("raised-amount")).toHaveText(
        t("RaisedProgress.raised", { amount: money(totals.raised, { whole: true }) }),
      );
      const ratio = Math.min(1, totals.raised / totals.goal);
      await expect(page.locator("main")).toContainText(t("RaisedProgress.percent", { percent: ratio }));
    });

    test(`/${locale}/donate/error explains each reason through the ErrorPage select`, async ({ page }) => {
      for (const reason of ["declined", "cancelled", "something-else"]) {
        await page.goto(`/${locale}/donate/error?reason=${reason}`);
        await expect(page.getByTestId("donation-result")).toHaveText(t("ErrorPage.reason", { reason }));
      }
    });
  });
}

test.describe("precompiled messages", () => {
  // Error names only the ICU message parser contains; with precompilation the browser gets a formatter alone.
  const PARSER_MARKERS = [
    "UNCLOSED_TAG",
    "MALFORMED_ARGUMENT",
    "MISSING_OTHER_CLAUSE",
    "EXPECT_ARGUMENT_CLOSING_BRACE",
  ];

  test.describe("in the build output", () => {
    // Reads .next on this machine, which is what a target serves only when it was started from this build.
    test.use({ needs: ["build-output"] });

    test("no client chunk of the production build carries the ICU message parser", () => {
      const directory = path.resolve(".next/static/chunks");
      const chunks = readdirSync(directory, { recursive: true, encoding: "utf8" }).filter((file) =>
        file.endsWith(".js"),
      );
      expect(chunks.length).toBeGreaterThan(0);
      const withParser = chunks.filter((file) => {
        const code = readFileSync(path.join(directory, file), "utf8");
        return PARSER_MARKERS.some((marker) => code.includes(marker));
      });
      expect(withParser).toEqual([]);
    });
  });

  test("the scripts each home page loads carry no ICU message parser", async ({ page, request }) => {
    const urls = new Set<string>();
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") urls.add(response.url());
    });
    // The browser drops a response's body once the page navigates on, so the scripts it loaded are fetched again.
    for (const locale of LOCALES) {
      await page.goto(`/${locale}`);
      await page.waitForLoadState("networkidle");
    }
    const scripts = await Promise.all([...urls].map(async (url) => (await request.get(url)).text()));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((code) => PARSER_MARKERS.some((marker) => code.includes(marker)))).toEqual([]);
  });

  test("the home page hands the browser only the client components' messages, precompiled", async ({
    request,
  }) => {
    const en = catalog("en");
    const html = await (await request.get("/en")).text();
    // The page's data script holds the provider's messages as a JSON string inside a JavaScript string.
    const inPayload = (value: unknown) => JSON.stringify(JSON.stringify(value)).slice(1, -1);
    expect(html).toContain(inPayload(compile(en.RaisedProgress.donors)));
    expect(html).not.toContain(en.RaisedProgress.donors);
    for (const serverOnly of [en.AboutPage.story, en.ContactPage.address, en.DonationForm.emailInvalid]) {
      expect(html).not.toContain(serverOnly);
    }
  });
});

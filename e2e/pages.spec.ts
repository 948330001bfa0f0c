import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fetchTotals, formatRaised, LOCALES, messagesOf, PAGES, PER_DONATION_PAGES } from "./helpers/site";

const CDN_CACHEABLE = /s-maxage=\d+.*stale-while-revalidate=\d+|stale-while-revalidate=\d+.*s-maxage=\d+/;
const PRIVATE = /private|no-store/;

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

for (const locale of LOCALES) {
  for (const path of PAGES) {
    const url = `/${locale}${path}`;

    test(`${url} is served whole, cacheable and cookie-free`, { tag: "@smoke" }, async ({ page }) => {
      const errors = collectConsoleErrors(page);
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      expect(await response!.headerValue("set-cookie")).toBeNull();
      const cacheControl = (await response!.headerValue("cache-control")) ?? "";
      if (PER_DONATION_PAGES.has(path))
        expect(cacheControl).toMatch(new RegExp(`${CDN_CACHEABLE.source}|${PRIVATE.source}`));
      else expect(cacheControl).toMatch(CDN_CACHEABLE);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(errors).toEqual([]);
    });
  }

  test(`/${locale} shows the raised amount from /api/totals formatted for ${locale}`, async ({
    page,
    request,
  }) => {
    const totals = await fetchTotals(request);
    await page.goto(`/${locale}`);
    await expect(page.getByTestId("raised-amount")).toContainText(
      formatRaised(totals.raised, totals.currency, locale),
    );
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /^\d+$/);
  });

  test(`a path that does not exist under /${locale} is a localized 404`, async ({ page }) => {
    const errors = collectConsoleErrors(page);
    const response = await page.goto(`/${locale}/does-not-exist`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messagesOf(locale).NotFoundPage.title);
    await page.waitForLoadState("networkidle");
    // Hydrating the prerendered 404 document under another path neither fails nor moves the visitor elsewhere.
    expect(page.url()).toMatch(new RegExp(`/${locale}/does-not-exist$`));
    expect(errors.filter((error) => !/404/.test(error))).toEqual([]);
  });

  test(`the 404 under /${locale} reads whole without JavaScript, titled, in its direction`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`/${locale}/nothing/here`);
    expect(response?.status()).toBe(404);
    const messages = messagesOf(locale);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expect(page).toHaveTitle(`${messages.Metadata.notFoundTitle} · ${messages.Metadata.siteName}`);
    await expect(page.locator("main h1")).toHaveText(messages.NotFoundPage.title);
    await expect(page.locator("main")).toContainText(messages.NotFoundPage.body);
    await expect(page.getByRole("link", { name: messages.NotFoundPage.backHome })).toHaveAttribute(
      "href",
      `/${locale}`,
    );
    await expect(page.getByRole("banner")).toBeVisible();
    await context.close();
  });

  test(`every unknown path under /${locale} gets the one prerendered 404, not a render of its own`, async ({
    request,
  }) => {
    // A render per request writes the requested path into the page's flight data; the prerendered document is
    // the same bytes whatever path was asked for, so a flood of random paths costs no render.
    const paths = [
      `/${locale}/aaa-${Date.now()}`,
      `/${locale}/bbb/ccc-${Date.now()}`,
      `/${locale}/donate/zzz`,
    ];
    const bodies = await Promise.all(
      paths.map(async (path) => {
        const response = await request.get(path, { headers: { accept: "text/html" } });
        expect(response.status()).toBe(404);
        expect(response.headers()["cache-control"]).toMatch(PRIVATE);
        return response.text();
      }),
    );
    for (const [index, body] of bodies.entries()) {
      expect(body).not.toContain(paths[index].split("/").pop());
      expect(body).toBe(bodies[0]);
    }
    // A fetch of page data (the client router's, which accepts anything) gets an empty 404, not a render either.
    const data = await request.get(paths[0], { headers: { accept: "*/*" } });
    expect(data.status()).toBe(404);
    expect(await data.text()).toBe("");
  });
}

test.describe("an unknown locale", () => {
  // Chromium sends Accept-Language from its own locale setting, not from extra headers.
  test.use({ locale: "fr-FR" });

  test("is a 404 in the visitor's language", async ({ page }) => {
    const response = await page.goto("/xx/whatever");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messagesOf("fr").NotFoundPage.title);
  });
});

test("hashed static assets are cached for good", async ({ request }) => {
  const html = await (await request.get("/en")).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const response = await request.get(asset!);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toMatch(/max-age=31536000.*immutable/);
});

test.describe("/", () => {
  const cases = [
    { acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.5", target: "/fr" },
    { acceptLanguage: "ar-EG,ar;q=0.9", target: "/ar" },
    { acceptLanguage: "en-GB,en;q=0.9", target: "/en" },
    { acceptLanguage: "de-DE,de;q=0.9", target: "/en" },
    { acceptLanguage: "", target: "/en" },
  ];
  for (const { acceptLanguage, target } of cases) {
    test(`redirects Accept-Language "${acceptLanguage}" to ${target} without a cookie`, async ({
      request,
    }) => {
      const response = await request.get("/", {
        headers: { "accept-language": acceptLanguage },
        maxRedirects: 0,
      });
      expect([307, 308]).toContain(response.status());
      expect(new URL(response.headers().location, "http://x").pathname).toBe(target);
      expect(response.headers()["set-cookie"]).toBeUndefined();
    });
  }
});

test.describe("GET /api/totals", () => {
  test(
    "answers integer minor units and may be kept by a CDN for a few seconds",
    { tag: "@smoke" },
    async ({ request }) => {
      const response = await request.get("/api/totals");
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toMatch(CDN_CACHEABLE);
      expect(response.headers()["set-cookie"]).toBeUndefined();
      const body = await response.json();
      expect(Object.keys(body).sort()).toEqual(["currency", "donors", "goal", "raised", "updatedAt"]);
      expect(body.currency).toMatch(/^[A-Z]{3}$/);
      for (const key of ["raised", "goal", "donors"]) expect(Number.isSafeInteger(body[key]), key).toBe(true);
      expect(new Date(body.updatedAt).toISOString()).toBe(body.updatedAt);
    },
  );
});

test.describe("Arabic layout", () => {
  async function boxes(page: Page, locale: string) {
    await page.goto(`/${locale}`);
    const viewport = page.viewportSize()!;
    const brand = (await page.getByTestId("brand").boundingBox())!;
    const track = (await page.locator(".progress-track").boundingBox())!;
    const fill = (await page.locator(".progress-fill").boundingBox())!;
    return { viewport, brand, track, fill };
  }

  test("puts the brand at the left in English and at the right in Arabic", async ({ page }) => {
    const en = await boxes(page, "en");
    expect(en.brand.x + en.brand.width).toBeLessThan(en.viewport.width / 2);
    const ar = await boxes(page, "ar");
    expect(ar.brand.x).toBeGreaterThan(ar.viewport.width / 2);
  });

  test("grows the progress fill from the right edge of its track in Arabic", async ({ page }) => {
    const en = await boxes(page, "en");
    expect(Math.abs(en.fill.x - en.track.x)).toBeLessThanOrEqual(1);
    const ar = await boxes(page, "ar");
    expect(Math.abs(ar.fill.x + ar.fill.width - (ar.track.x + ar.track.width))).toBeLessThanOrEqual(1);
    expect(ar.fill.width).toBeLessThan(ar.track.width);
  });
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of LOCALES) {
    const messages = messagesOf(locale);
    const keyText: Record<(typeof PAGES)[number], string[]> = {
      "": [messages.HomePage.title, messages.HomePage.cta, messages.HomePage.impactTitle],
      "/donate": [messages.DonatePage.title, messages.DonationForm.submit],
      "/donate/success": [],
      "/donate/error": [],
      "/contact": [messages.ContactPage.title, messages.ContactPage.email, messages.ContactPage.hoursLabel],
      "/about": [
        messages.AboutPage.title,
        messages.AboutPage.missionTitle,
        messages.AboutPage.accountabilityTitle,
      ],
    };

    for (const path of PAGES) {
      test(`/${locale}${path} reads fully without scripts`, async ({ page }) => {
        await page.goto(`/${locale}${path}`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(/\S/);
        for (const text of keyText[path]) await expect(page.getByText(text).first()).toBeVisible();
        await expect(
          page.getByRole("banner").getByRole("link", { name: messages.SiteHeader.donate }),
        ).toBeVisible();
        await expect(page.getByRole("contentinfo")).toContainText(messages.SiteFooter.charity);
        if (path === "") await expect(page.getByTestId("raised-amount")).toHaveText(/\d/);
      });
    }

    test(
      `/${locale}/donate renders its form and labels every field without scripts`,
      { tag: "@smoke" },
      async ({ page }) => {
        await page.goto(`/${locale}/donate`);
        // The honeypot is hidden from people and assistive technology alike, so it is the one field left out.
        const fields = page.locator("form :is(input:not([type=hidden]), select, textarea):not(.honeypot *)");
        const visible = fields.filter({ visible: true });
        expect(await visible.count()).toBeGreaterThan(4);
        for (const field of await visible.all()) await expect(field).toHaveAccessibleName(/\S/);
      },
    );
  }
});

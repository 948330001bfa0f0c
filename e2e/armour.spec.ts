import type { APIResponse } from "@playwright/test";
import { E2E_BASE_URL } from "./config";
import { expect, test } from "./fixtures";

// One of each kind of response the site serves: prerendered (SSG/ISR) pages in every locale, dynamic pages, the
// 404, API routes and a static file.
const PAGE_TYPES = [
  "/en",
  "/fr/donate",
  "/ar/about",
  "/en/donate/success",
  "/fr/donate/busy?reason=busy",
  "/en/no-such-page",
  "/api/totals",
  "/api/health",
  "/icon.svg",
];

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // `next start` is production, where HSTS is sent.
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
}

test.describe("security headers", () => {
  for (const path of PAGE_TYPES) {
    test(`are on ${path}`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBeLessThan(500);
      expectSecurityHeaders(response);
    });
  }

  // The hottest route handlers set these headers themselves, not through next.config.ts (security-headers.ts).
  test("are on what a donation start, a gateway's callback and the donor's return answer", async ({
    request,
  }) => {
    const responses = [
      await request.post("/api/donations", { data: { amount: -1 } }),
      await request.post("/api/payments/callback", { data: { id: "evt_unsigned" } }),
      await request.post("/api/payments/callback/stripe", { data: "{}" }),
      await request.post("/api/payments/callback/mollie", { form: { id: "tr_unknown" } }),
      await request.get("/api/payments/return", { maxRedirects: 0 }),
    ];
    // Refusals mostly (a provider this deployment cannot reach answers 503): whatever they say, they carry them.
    for (const response of responses) expectSecurityHeaders(response);
  });

  test("leave prerendered pages static and cacheable, with a request id but no cookie", async ({
    request,
  }) => {
    const response = await request.get("/en/donate");
    expect(response.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
    expect(response.headers()["set-cookie"]).toBeUndefined();
    expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("let the pages run in Chromium without a single policy violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    for (const path of ["/en", "/ar/donate", "/fr/about"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    expect(violations).toEqual([]);
  });
});

test.describe("health", () => {
  test(
    "answers liveness and readiness uncached, naming each dependency",
    { tag: "@smoke" },
    async ({ request }) => {
      const health = await request.get("/api/health");
      expect(await health.json()).toEqual({ status: "ok" });
      const ready = await request.get("/api/ready");
      expect(ready.status()).toBe(200);
      expect(await ready.json()).toEqual({ status: "ok", checks: { database: "ok", cache: "ok" } });
      for (const response of [health, ready]) {
        expect(response.headers()["cache-control"]).toBe("no-store");
        expect(response.headers()["set-cookie"]).toBeUndefined();
      }
    },
  );
});

test.describe("the donate page", () => {
  test("shows the localized paused notice when the status endpoint says donations are paused", async ({
    page,
  }) => {
    await page.route("**/api/donations/status", (route) => route.fulfill({ json: { paused: true } }));
    await page.goto("/fr/donate");
    await expect(page.getByTestId("donations-paused")).toContainText("Les dons sont suspendus");
  });

  test("shows no notice while donations are open", async ({ page }) => {
    await page.goto("/en/donate");
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("donations-paused")).toHaveCount(0);
  });
});

test.describe("the gateway token bucket", () => {
  // Filling the bucket takes a few posts only where the cap is low, and each post that gets through opens a checkout.
  test.use({ needs: ["low-gateway-cap", "sandbox"] });

  test("sends a donor who arrives while it is full to the busy page, which keeps their input and retries by itself", async ({
    page,
    request,
  }) => {
    // Fill the bucket (3 checkouts a second in e2e) with form posts, as a crowd of donors would.
    const posts = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        request.post("/api/donations", {
          form: {
            amount: "2500",
            currency: "EUR",
            locale: "fr",
            name: `Donor ${index}`,
            email: `crowd${index}@example.org`,
          },
          headers: { Origin: E2E_BASE_URL },
          maxRedirects: 0,
        }),
      ),
    );
    const locations = posts.map((response) => response.headers()["location"] ?? "");
    const busy = locations.find((location) => location.startsWith("/fr/donate/busy?reason=busy"));
    expect(busy, `locations: ${locations.join(", ")}`).toBeDefined();
    expect(locations.some((location) => location.startsWith("/sandbox/checkout/"))).toBe(true);

    const busyIndex = locations.indexOf(busy as string);
    await page.goto(busy as string);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Beaucoup de personnes donnent");
    await expect(page.locator('#retry-donation input[name="email"]')).toHaveValue(
      `crowd${busyIndex}@example.org`,
    );
    await expect(page.getByTestId("auto-retry")).toBeVisible();
    // The page re-posts the kept input by itself once the bucket has refilled, and the donor reaches the checkout.
    await page.waitForURL(/\/sandbox\/checkout\//, { timeout: 15_000 });
  });

  test("offers a retry button that works without JavaScript", async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    let busy: string | undefined;
    for (let attempt = 0; attempt < 5 && !busy; attempt++) {
      const posts = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          request.post("/api/donations", {
            form: { amount: "1000", currency: "EUR", locale: "en", email: `nojs${index}@example.org` },
            headers: { Origin: E2E_BASE_URL },
            maxRedirects: 0,
          }),
        ),
      );
      busy = posts.map((response) => response.headers()["location"]).find((l) => l?.includes("reason=busy"));
    }
    await page.goto(`${E2E_BASE_URL}${busy}`);
    await expect(page.getByTestId("auto-retry")).toHaveCount(0);
    await page.waitForTimeout(1100);
    await page.getByRole("button", { name: "Try again now" }).click();
    await expect(page).toHaveURL(/\/sandbox\/checkout\//);
    await context.close();
  });
});

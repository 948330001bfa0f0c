import type { APIRequestContext } from "@playwright/test";
import { E2E_REVALIDATE_SECONDS } from "./config";
import { expect, test } from "./fixtures";
import { donateThroughSandbox, fetchTotals, formatRaised, raisedInHtml } from "./helpers/site";

// These tests reach into the e2e server's database, so they run one after the other.
test.describe.configure({ mode: "serial" });
test.use({ needs: ["database", "sandbox"] });

async function homePage(request: APIRequestContext) {
  const response = await request.get("/en");
  return {
    status: response.status(),
    cache: response.headers()["x-nextjs-cache"],
    raised: raisedInHtml(await response.text()),
  };
}

test("the home page is served from the prerender cache without asking the database", async ({
  request,
  database: db,
}) => {
  test.setTimeout(60_000);
  // Earlier specs move the totals: wait for a fresh copy that shows the database's amount, so no regeneration
  // started before the table goes away can still land during the views below.
  // The running total is striped over several rows; the page shows their sum.
  const { rows } = await db.query<{ raised: string }>(
    "SELECT coalesce(sum(raised), 0) AS raised FROM campaign_totals",
  );
  const current = formatRaised(Number(rows[0].raised), (await fetchTotals(request)).currency, "en");
  let first = await homePage(request);
  for (const deadline = Date.now() + 30_000; first.cache !== "HIT" || !first.raised?.includes(current);) {
    expect(Date.now()).toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 500));
    first = await homePage(request);
  }
  expect(first.status).toBe(200);

  // Any query for the totals fails while the table is away; views must not notice, for longer than an interval.
  await db.query("ALTER TABLE campaign_totals RENAME TO campaign_totals_away");
  try {
    const until = Date.now() + (E2E_REVALIDATE_SECONDS + 2) * 1000;
    let views = 0;
    while (Date.now() < until || views < 20) {
      const view = await homePage(request);
      expect(view.status).toBe(200);
      expect(["HIT", "STALE"]).toContain(view.cache);
      expect(view.raised).toBe(first.raised);
      views += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await db.query("ALTER TABLE campaign_totals_away RENAME TO campaign_totals");
  }
});

test("the home page shows a new donation after the revalidation interval", async ({
  request,
  database: db,
}) => {
  test.setTimeout(90_000);
  const before = await fetchTotals(request);
  const amount = 12_345;
  const { rows } = await db.query<{ campaign: string; currency: string; raised: string }>(
    "SELECT campaign, currency, sum(raised) AS raised FROM campaign_totals GROUP BY campaign, currency",
  );
  expect(rows).toHaveLength(1);
  const [{ campaign, currency }] = rows;

  // Through the site and the sandbox gateway, so the total moves by the product's own path, not a hand-made UPDATE.
  await donateThroughSandbox(request, amount, before.currency);
  const { rows: after } = await db.query<{ raised: string }>(
    "SELECT sum(raised) AS raised FROM campaign_totals WHERE campaign = $1 AND currency = $2",
    [campaign, currency],
  );
  expect(Number(after[0].raised)).toBe(Number(rows[0].raised) + amount);

  const expected = formatRaised(Number(rows[0].raised) + amount, before.currency, "en");
  expect(expected).not.toBe(formatRaised(Number(rows[0].raised), before.currency, "en"));
  await new Promise((resolve) => setTimeout(resolve, (E2E_REVALIDATE_SECONDS + 1) * 1000));
  await expect
    .poll(async () => (await homePage(request)).raised, {
      timeout: E2E_REVALIDATE_SECONDS * 10_000,
      intervals: [500],
    })
    .toContain(expected);
});

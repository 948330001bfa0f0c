import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { campaign } from "./config";
import { readTotals } from "./totals";

describe("readTotals", () => {
  beforeEach(async () => {
    await getDb().campaignTotal.deleteMany();
  });

  it("reports nothing raised and no donors when the campaign has no running total yet", async () => {
    expect(await readTotals()).toEqual({
      currency: campaign.currency,
      raised: 0,
      goal: campaign.goal,
      donors: 0,
      updatedAt: new Date(0).toISOString(),
    });
  });

  it("sums the campaign's stripes in its currency, with the latest update and the configured goal", async () => {
    const earlier = new Date("2026-11-23T09:00:00.000Z");
    const updatedAt = new Date("2026-11-23T09:30:00.000Z");
    await getDb().campaignTotal.createMany({
      data: [
        {
          campaign: campaign.slug,
          currency: campaign.currency,
          stripe: 0,
          raised: 100_000n,
          donors: 40,
          updatedAt: earlier,
        },
        {
          campaign: campaign.slug,
          currency: campaign.currency,
          stripe: 7,
          raised: 23_450n,
          donors: 2,
          updatedAt,
        },
        {
          campaign: "another-campaign",
          currency: campaign.currency,
          stripe: 1,
          raised: 999_999n,
          donors: 7,
          updatedAt: new Date(),
        },
      ],
    });

    expect(await readTotals()).toEqual({
      currency: campaign.currency,
      raised: 123_450,
      goal: campaign.goal,
      donors: 42,
      updatedAt: updatedAt.toISOString(),
    });
  });

  it("never adds a total kept in another currency, so changing CAMPAIGN_CURRENCY does not add yen to cents", async () => {
    await getDb().campaignTotal.createMany({
      data: [
        { campaign: campaign.slug, currency: campaign.currency, stripe: 0, raised: 2_500n, donors: 1 },
        { campaign: campaign.slug, currency: "JPY", stripe: 0, raised: 500_000n, donors: 3 },
      ],
    });

    expect(await readTotals()).toMatchObject({ currency: campaign.currency, raised: 2_500, donors: 1 });
  });

  it("keeps totals beyond 32-bit integers exact", async () => {
    await getDb().campaignTotal.createMany({
      data: [0, 1, 2].map((stripe) => ({
        campaign: campaign.slug,
        currency: campaign.currency,
        stripe,
        raised: 3_292_181_070n,
        donors: 1,
      })),
    });

    const totals = await readTotals();
    expect(totals.raised).toBe(9_876_543_210);
    expect(Number.isSafeInteger(totals.raised)).toBe(true);
  });

  it("counts a stripe below zero against the others: a refund may land on any stripe", async () => {
    await getDb().campaignTotal.createMany({
      data: [
        { campaign: campaign.slug, currency: campaign.currency, stripe: 0, raised: 5_000n, donors: 2 },
        { campaign: campaign.slug, currency: campaign.currency, stripe: 1, raised: -2_500n, donors: -1 },
      ],
    });

    expect(await readTotals()).toMatchObject({ raised: 2_500, donors: 1 });
  });

  it.each([
    ["a stripe beyond the last", { stripe: 64 }],
    ["a negative stripe", { stripe: -1 }],
    ["a currency that is not an ISO code", { currency: "eu1" }],
  ])("is refused by the database: %s", async (_case, row) => {
    await expect(
      getDb().campaignTotal.create({
        data: { campaign: campaign.slug, currency: campaign.currency, raised: 1n, donors: 1, ...row },
      }),
    ).rejects.toThrow();
  });
});

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

  it("returns the campaign's running total in minor units with the configured goal", async () => {
    const updatedAt = new Date("2026-11-23T09:30:00.000Z");
    await getDb().campaignTotal.createMany({
      data: [
        { campaign: campaign.slug, currency: campaign.currency, raised: 123_450n, donors: 42, updatedAt },
        { campaign: "another-campaign", currency: "USD", raised: 999_999n, donors: 7 },
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

  it("keeps totals beyond 32-bit integers exact", async () => {
    await getDb().campaignTotal.create({
      data: { campaign: campaign.slug, currency: campaign.currency, raised: 9_876_543_210n, donors: 1 },
    });

    const totals = await readTotals();
    expect(totals.raised).toBe(9_876_543_210);
    expect(Number.isSafeInteger(totals.raised)).toBe(true);
  });
});

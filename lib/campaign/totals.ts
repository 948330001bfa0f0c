import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db/client";
import { campaign } from "./config";

export interface CampaignTotals {
  currency: string;
  /** Minor units. */
  raised: number;
  /** Minor units. */
  goal: number;
  donors: number;
  updatedAt: string;
}

/** Invalidated when a payment is confirmed; pages and /api/totals that read the totals carry it. */
export const TOTALS_TAG = "campaign-totals";

/** One primary-key read: the running total is kept up to date by the same transaction that confirms a payment. */
export async function readTotals(): Promise<CampaignTotals> {
  const row = await getDb().campaignTotal.findUnique({ where: { campaign: campaign.slug } });
  return {
    currency: campaign.currency,
    raised: Number(row?.raised ?? 0),
    goal: campaign.goal,
    donors: row?.donors ?? 0,
    updatedAt: (row?.updatedAt ?? new Date(0)).toISOString(),
  };
}

// Pages and the totals API read through the Next.js data cache: the database is asked at most once per interval
// (or after a confirmed payment invalidates the tag), whatever the traffic. The interval also becomes the
// pages' ISR interval.
export const getTotals = unstable_cache(readTotals, ["campaign-totals", campaign.slug], {
  revalidate: campaign.revalidateSeconds,
  tags: [TOTALS_TAG],
});

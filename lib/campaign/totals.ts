import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/observability/logger";
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

type SummedRow = { raised: bigint | null; donors: bigint | null; updated_at: Date | null };

/**
 * The sum of the campaign's stripes in its configured currency (see running-total.ts): a handful of rows on one
 * primary-key range. A total in another currency is never added in.
 */
export async function readTotals(): Promise<CampaignTotals> {
  const [row] = await getDb().$queryRaw<SummedRow[]>`
    SELECT sum(raised)::bigint AS raised, sum(donors)::bigint AS donors, max(updated_at) AS updated_at
    FROM campaign_totals WHERE campaign = ${campaign.slug} AND currency = ${campaign.currency}`;
  const raised = Number(row?.raised ?? 0);
  const donors = Number(row?.donors ?? 0);
  // A stripe may dip below zero after a refund, the sum never should: the database cannot check a sum across rows,
  // so it is checked here. Shown as zero rather than as a negative amount, and logged loudly.
  if (raised < 0 || donors < 0)
    logger.error("totals.negative_sum", { raised, donors, campaign: campaign.slug });
  return {
    currency: campaign.currency,
    raised: Math.max(0, raised),
    goal: campaign.goal,
    donors: Math.max(0, donors),
    updatedAt: (row?.updated_at ?? new Date(0)).toISOString(),
  };
}

// Pages read through the Next.js data cache: the database is asked at most once per interval (or after a
// confirmed payment invalidates the tag), whatever the traffic. The interval also becomes the pages' ISR interval.
export const getTotals = unstable_cache(readTotals, ["campaign-totals", campaign.slug, campaign.currency], {
  revalidate: campaign.revalidateSeconds,
  tags: [TOTALS_TAG],
});

/** Seconds the live counter's figures may lag behind a confirmed payment; /api/totals regenerates this often. */
export const LIVE_TOTALS_SECONDS = 2;

// The live counter's own, shorter-lived copy, under the same tag.
export const getLiveTotals = unstable_cache(
  readTotals,
  ["campaign-totals-live", campaign.slug, campaign.currency],
  {
    revalidate: LIVE_TOTALS_SECONDS,
    tags: [TOTALS_TAG],
  },
);

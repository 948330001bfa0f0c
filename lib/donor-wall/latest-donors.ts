import "server-only";
import { unstable_cache } from "next/cache";
import { campaign } from "@/lib/campaign/config";
import { TOTALS_TAG } from "@/lib/campaign/totals";
import { getDb } from "@/lib/db/client";

/** One donor on the wall: only what the donor agreed to show, and nothing that identifies the donation. */
export interface WallEntry {
  /** Null for an anonymous donor, and for one who gave no name. */
  name: string | null;
  anonymous: boolean;
  message: string | null;
  /** Minor units; null unless the donor chose to show it. */
  amount: number | null;
  currency: string;
}

export const WALL_SIZE = 8;

/**
 * The latest gifts the total counts: succeeded, or partly given back (shown with what remains); a gift given back
 * whole (refunded) or held for review is not on the wall. The query itself withholds an anonymous donor's name
 * and an amount the donor did not choose to show, and never selects emails or donation ids (an id opens the
 * result page), so nothing private can reach the page, the data cache or a log from here.
 */
export async function readLatestDonors(limit = WALL_SIZE): Promise<WallEntry[]> {
  return getDb().$queryRaw<WallEntry[]>`
    SELECT CASE WHEN anonymous THEN NULL ELSE donor_name END AS name,
           anonymous,
           message,
           CASE WHEN show_amount THEN amount - refunded_amount END AS amount,
           currency
    FROM donations
    WHERE campaign = ${campaign.slug} AND status IN ('succeeded', 'partially_refunded')
    ORDER BY completed_at DESC NULLS LAST, id DESC
    LIMIT ${limit}`;
}

// Cached and invalidated with the totals (same tag, same interval): the wall regenerates with the raised amount,
// and a page view does no database work.
export const getLatestDonors = unstable_cache(() => readLatestDonors(), ["donor-wall", campaign.slug], {
  revalidate: campaign.revalidateSeconds,
  tags: [TOTALS_TAG],
});

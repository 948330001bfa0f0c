import type { Prisma } from "@/lib/generated/prisma/client";

export interface TotalKey {
  campaign: string;
  currency: string;
}

export interface TotalChange {
  /** Minor units; negative when money leaves the total (a refund). */
  raised: number;
  /** Succeeded donations counted; negative when one stops counting. */
  donors: number;
}

/**
 * The one way the running total moves. Callers run it in the transaction that changes the donations it counts,
 * so the total and the donations cannot drift apart.
 */
export async function addToTotals(
  tx: Prisma.TransactionClient,
  key: TotalKey,
  change: TotalChange,
  now = new Date(),
): Promise<void> {
  // An upsert in one statement: two first-ever successes cannot both try to create the row.
  await tx.$executeRaw`
    INSERT INTO campaign_totals (campaign, currency, raised, donors, updated_at)
    VALUES (${key.campaign}, ${key.currency}, ${change.raised}, ${change.donors}, ${now})
    ON CONFLICT (campaign) DO UPDATE SET
      raised = campaign_totals.raised + EXCLUDED.raised,
      donors = campaign_totals.donors + EXCLUDED.donors,
      updated_at = EXCLUDED.updated_at`;
}

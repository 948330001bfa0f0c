import { hash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";

export interface TotalKey {
  campaign: string;
  currency: string;
  /** The donation whose change this is: it picks the stripe. */
  id: string;
}

export interface TotalChange {
  /** Minor units; negative when money leaves the total (a refund). */
  raised: number;
  /** Succeeded donations counted; negative when one stops counting. */
  donors: number;
}

// Rows per campaign and currency. Every confirmation locks the row it adds to until its transaction commits; with
// one row, every callback in the land queued behind the one before. With 16, 50 callbacks in flight rarely meet.
// Must stay below the stripe CHECK in the migration (64).
export const TOTAL_STRIPES = 16;

/**
 * The one way the running total moves. Callers run it in the transaction that changes the donations it counts,
 * so the total and the donations cannot drift apart; they call it last, so the row lock it takes is held only
 * until the commit. Any stripe will do, as the total is their sum (readTotals); the donation's id picks it, so every
 * change of one donation lands on the same row. A transaction that moves one donation twice (a success and a
 * refund that arrived first) then locks one row, never two in an order another transaction could reverse.
 */
export async function addToTotals(
  tx: Prisma.TransactionClient,
  key: TotalKey,
  change: TotalChange,
  now = new Date(),
): Promise<void> {
  await tx.$executeRaw(
    totalsUpsertSql(Prisma.sql`VALUES (${key.campaign}::text, ${key.currency}::text, ${stripeOf(key.id)}::int,
      ${change.raised}::bigint, ${change.donors}::int, ${now}::timestamptz)`),
  );
}

/**
 * The running total's upsert, for the changes `rows` yields as (campaign, currency, stripe, raised, donors,
 * updated_at), at most one per stripe: a settlement statement folds it in with the status changes it counts
 * (transition-donation.ts). An upsert, so two first-ever successes on a stripe cannot both try to create its row.
 * Callers that change several stripes yield them in order (campaign, currency, stripe), so that two statements
 * take their row locks in one order and never wait on each other in a circle.
 */
export function totalsUpsertSql(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO campaign_totals (campaign, currency, stripe, raised, donors, updated_at)
    ${rows}
    ON CONFLICT (campaign, currency, stripe) DO UPDATE SET
      raised = campaign_totals.raised + EXCLUDED.raised,
      donors = campaign_totals.donors + EXCLUDED.donors,
      updated_at = GREATEST(campaign_totals.updated_at, EXCLUDED.updated_at)`;
}

/**
 * stripeOf in SQL, for a statement that finds its donations itself. The low bits of the digest's fourth byte are
 * those of its first four bytes read as a big-endian integer, as long as TOTAL_STRIPES divides 256.
 */
export function stripeSql(donationId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`get_byte(sha256(convert_to(${donationId}, 'UTF8')), 3) % ${TOTAL_STRIPES}::int`;
}

/** A uniform, fixed stripe per donation. */
export function stripeOf(donationId: string): number {
  return hash("sha256", donationId, "buffer").readUInt32BE(0) % TOTAL_STRIPES;
}

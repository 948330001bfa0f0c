import { getDb } from "@/lib/db/client";
import { startDonation } from "@/lib/donations/start-donation";

/** A donation started the real way (row + sandbox session), as the tests of what follows need one. */
export async function startedDonation(amount = 2500) {
  const { id } = await startDonation({
    amount,
    currency: "EUR",
    locale: "en",
    anonymous: false,
    showAmount: false,
    coverFees: false,
  });
  return getDb().donation.findUniqueOrThrow({ where: { id } });
}

/**
 * The invariant the running total must keep: it equals what the counted donations (succeeded, or partly refunded)
 * still hold, amount less refunded_amount, and their count.
 */
export async function totalsAndTruth() {
  const db = getDb();
  // Summed over every stripe and campaign: a success must not land outside the campaign it counts for.
  const total = await db.campaignTotal.aggregate({ _sum: { raised: true, donors: true } });
  const truth = await db.donation.aggregate({
    where: { status: { in: ["succeeded", "partially_refunded"] } },
    _sum: { amount: true, refundedAmount: true },
    _count: true,
  });
  return {
    total: { raised: Number(total._sum.raised ?? 0), donors: total._sum.donors ?? 0 },
    truth: { raised: (truth._sum.amount ?? 0) - (truth._sum.refundedAmount ?? 0), donors: truth._count },
  };
}

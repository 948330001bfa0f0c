import { getDb } from "@/lib/db/client";
import { startDonation } from "@/lib/donations/start-donation";

/** A donation started the real way (row + sandbox session), as the tests of what follows need one. */
export async function startedDonation(amount = 2500) {
  const { id } = await startDonation({ amount, currency: "EUR", locale: "en", anonymous: false });
  return getDb().donation.findUniqueOrThrow({ where: { id } });
}

/** The invariant the running total must keep: it equals the sum and count of succeeded donations. */
export async function totalsAndTruth() {
  const db = getDb();
  const total = await db.campaignTotal.findFirst();
  const truth = await db.donation.aggregate({
    where: { status: "succeeded" },
    _sum: { amount: true },
    _count: true,
  });
  return {
    total: { raised: Number(total?.raised ?? 0), donors: total?.donors ?? 0 },
    truth: { raised: truth._sum.amount ?? 0, donors: truth._count },
  };
}

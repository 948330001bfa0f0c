import { addToTotals } from "@/lib/campaign/running-total";
import { enqueueReceipt } from "@/lib/receipts/enqueue-receipt";
import type { DonationStatus, Prisma } from "@/lib/generated/prisma/client";

// The statuses each status may be entered from. A final status is never left: a failure or cancellation arriving
// after a success must not un-count it, and we only expire a donation on the gateway's word (or when it never
// reached the gateway), so no payment can still succeed after that.
export const ALLOWED_FROM: Record<DonationStatus, readonly DonationStatus[]> = {
  pending: [],
  succeeded: ["pending"],
  failed: ["pending"],
  cancelled: ["pending"],
  expired: ["pending"],
};

export interface TransitionTarget {
  id: string;
  campaign: string;
  currency: string;
  amount: number;
}

/**
 * The one way a donation's status changes. The update is conditional on the current status, so of two concurrent
 * callbacks only one can move it, and a success moves the running total in the caller's transaction: the total
 * and the count of succeeded donations cannot drift apart. Returns whether this call changed the donation.
 */
export async function transitionDonation(
  tx: Prisma.TransactionClient,
  donation: TransitionTarget,
  to: DonationStatus,
  now = new Date(),
): Promise<boolean> {
  const { count } = await tx.donation.updateMany({
    where: { id: donation.id, status: { in: [...ALLOWED_FROM[to]] } },
    data: { status: to, completedAt: now },
  });
  if (count === 0) return false;
  if (to === "succeeded") {
    // The receipt is owed exactly when the success is recorded; a worker sends it later, off this request.
    await enqueueReceipt(tx, donation.id, now);
    // Last write of the transaction, so the stripe's row lock is held only until the commit.
    await addToTotals(tx, donation, { raised: donation.amount, donors: 1 }, now);
  } else {
    // A donation that ended without ever getting a checkout frees its Idempotency-Key: the donor's retry starts
    // afresh instead of being told "in progress" for ever. (A success always had a checkout.)
    await tx.donation.updateMany({
      where: { id: donation.id, checkoutUrl: null, idempotencyKey: { not: null } },
      data: { idempotencyKey: null },
    });
  }
  return true;
}

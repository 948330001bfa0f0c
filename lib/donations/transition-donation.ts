import { addToTotals } from "@/lib/campaign/running-total";
import { enqueueReceipt, withdrawReceipt } from "@/lib/receipts/enqueue-receipt";
import type { DonationStatus, Prisma } from "@/lib/generated/prisma/client";

// Statuses a success may still arrive from: we gave up on the donation (declined, cancelled, expired), but the
// gateway took the money after all. Only the gateway's own word (a callback or a status check) may do this.
export const LATE_SUCCESS_FROM = ["failed", "cancelled", "expired"] as const satisfies DonationStatus[];

// The statuses each status may be entered from. A success is never un-counted by a failure or a cancellation; it
// leaves only as money given back (refunded, partially_refunded), and a refunded gift is final. needs_review holds
// a donation the gateway reported other money for, before it ever counted; only a person moves it on.
export const ALLOWED_FROM: Record<DonationStatus, readonly DonationStatus[]> = {
  pending: [],
  succeeded: ["pending", ...LATE_SUCCESS_FROM],
  failed: ["pending"],
  cancelled: ["pending"],
  expired: ["pending"],
  // A second partial refund changes the amount given back, not the status.
  partially_refunded: ["succeeded", "partially_refunded"],
  refunded: ["succeeded", "partially_refunded"],
  needs_review: ["pending", ...LATE_SUCCESS_FROM],
};

/** The statuses whose gift the running total counts, less what was given back. */
export const COUNTED_STATUSES = ["succeeded", "partially_refunded"] as const satisfies DonationStatus[];

export interface TransitionTarget {
  id: string;
  campaign: string;
  currency: string;
  amount: number;
}

export interface TransitionOptions {
  /** The gateway itself reported this outcome; required to count a success on a donation we had given up on. */
  gatewayReported?: boolean;
  now?: Date;
}

function allowedFrom(to: DonationStatus, gatewayReported: boolean): DonationStatus[] {
  const from = ALLOWED_FROM[to];
  if (to !== "succeeded" || gatewayReported) return [...from];
  return from.filter((status) => !(LATE_SUCCESS_FROM as readonly string[]).includes(status));
}

/**
 * The one way a donation's status changes between paying and not paying. The update is conditional on the
 * current status, so of two concurrent callbacks only one can move it, and a success moves the running total in
 * the caller's transaction: the total and the succeeded donations cannot drift apart. Returns the status the
 * donation left, or null when this call changed nothing. Refunds go through refundDonation below.
 */
export async function transitionDonation(
  tx: Prisma.TransactionClient,
  donation: TransitionTarget,
  to: Exclude<DonationStatus, "refunded" | "partially_refunded">,
  { gatewayReported = false, now = new Date() }: TransitionOptions = {},
): Promise<DonationStatus | null> {
  // Locked in the same statement: the status read is the one replaced, whoever else is settling this donation.
  // NO KEY UPDATE, as a plain UPDATE takes: the payment event each settlement inserts first holds a key-share lock
  // on this row (its foreign key), and FOR UPDATE would wait on every other settlement's, deadlocking them.
  const [moved] = await tx.$queryRaw<{ from: DonationStatus }[]>`
    WITH old AS (SELECT id, status FROM donations WHERE id = ${donation.id} FOR NO KEY UPDATE)
    UPDATE donations d SET status = ${to}::donation_status, completed_at = ${now}, updated_at = ${now}
    FROM old WHERE d.id = old.id AND old.status::text = ANY(${allowedFrom(to, gatewayReported)}::text[])
    RETURNING old.status::text AS "from"`;
  if (!moved) return null;
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
  return moved.from;
}

export interface Refund {
  from: DonationStatus;
  to: "refunded" | "partially_refunded";
  /** Minor units of the gift taken out of the total by this call. */
  taken: number;
}

/**
 * Gives back gift money: `refundedGift` is the cumulative part of the gift refunded so far (never more than the
 * gift). Cumulative, so an older notice arriving after a newer one takes nothing, and a replay takes nothing. The
 * difference to what was already given back leaves the running total in the caller's transaction; a gift given back
 * whole stops counting as a donor, and its receipt, if not sent yet, is withdrawn. Null when nothing changed.
 */
export async function refundDonation(
  tx: Prisma.TransactionClient,
  donation: TransitionTarget,
  refundedGift: number,
  now = new Date(),
): Promise<Refund | null> {
  const [row] = await tx.$queryRaw<{ status: DonationStatus; amount: number; refunded_amount: number }[]>`
    SELECT status, amount, refunded_amount FROM donations WHERE id = ${donation.id} FOR NO KEY UPDATE`;
  if (!row) return null;
  const target = Math.min(Math.max(refundedGift, 0), row.amount);
  const taken = target - row.refunded_amount;
  if (taken <= 0) return null;
  const to = target === row.amount ? "refunded" : "partially_refunded";
  if (!ALLOWED_FROM[to].includes(row.status)) return null;
  await tx.donation.update({
    where: { id: donation.id },
    data: { status: to, refundedAmount: target, updatedAt: now },
  });
  if (to === "refunded") await withdrawReceipt(tx, donation.id);
  await addToTotals(tx, donation, { raised: -taken, donors: to === "refunded" ? -1 : 0 }, now);
  return { from: row.status, to, taken };
}

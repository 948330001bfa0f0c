import { addToTotals, stripeOf } from "@/lib/campaign/running-total";
import type { Queryable } from "@/lib/db/client";
import { receiptMessageId, withdrawReceipt } from "@/lib/receipts/enqueue-receipt";
import type { Prisma, DonationStatus } from "@/lib/generated/prisma/client";
import { settleById, settleByIdOn, type SettlementRow, type Transition } from "./settlement-statement";

export type { Transition } from "./settlement-statement";

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

/** A gateway's notice recorded with the change it brings, for deduplication and audit (payment_events). */
export interface RecordedNotice {
  gateway: string;
  eventId: string;
  type: string;
  payload: unknown;
  /** The outcome stored when the donation moves, and when it does not (it was already final, say). */
  outcome: { moved: string; unmoved: string };
}

export function allowedFrom(to: DonationStatus, gatewayReported: boolean): DonationStatus[] {
  const from = ALLOWED_FROM[to];
  if (to !== "succeeded" || gatewayReported) return [...from];
  return from.filter((status) => !(LATE_SUCCESS_FROM as readonly string[]).includes(status));
}

function settlementRow(
  donation: TransitionTarget,
  to: Exclude<DonationStatus, "refunded" | "partially_refunded">,
  { gatewayReported = false, now = new Date() }: TransitionOptions,
  notice?: RecordedNotice,
): SettlementRow {
  return {
    donation_id: donation.id,
    to_status: to,
    allowed: allowedFrom(to, gatewayReported),
    counts: to === "succeeded",
    at: now,
    campaign: donation.campaign,
    currency: donation.currency,
    amount: donation.amount,
    stripe: stripeOf(donation.id),
    message_id: receiptMessageId(donation.id),
    gateway: notice?.gateway ?? null,
    event_id: notice?.eventId ?? null,
    event_type: notice?.type ?? null,
    payload: notice?.payload ?? null,
    outcome_moved: notice?.outcome.moved ?? null,
    outcome_unmoved: notice?.outcome.unmoved ?? null,
  };
}

/**
 * The one way a donation's status changes between paying and not paying, with everything that goes with it (the
 * notice, the receipt, the running total), in one statement (settlement-statement.ts). On the shared connections it is
 * batched with other transitions; in a caller's transaction (a refund that proves a success) it runs there alone.
 * Refunds go through refundDonation below.
 */
export async function transitionRecordingNotice(
  db: Queryable,
  donation: TransitionTarget,
  to: Exclude<DonationStatus, "refunded" | "partially_refunded">,
  options: TransitionOptions = {},
  notice?: RecordedNotice,
): Promise<Transition> {
  const row = settlementRow(donation, to, options, notice);
  if ("query" in db) return settleByIdOn(db)(row);
  const [transition] = await settleById(db, [row]);
  return transition;
}

/**
 * A transition without a notice (an expiry, a failed checkout, a refund that proves a success): the status the
 * donation left, or null when nothing changed.
 */
export async function transitionDonation(
  db: Queryable,
  donation: TransitionTarget,
  to: Exclude<DonationStatus, "refunded" | "partially_refunded">,
  options: TransitionOptions = {},
): Promise<DonationStatus | null> {
  return (await transitionRecordingNotice(db, donation, to, options)).from;
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

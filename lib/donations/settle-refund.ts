import { getDb } from "@/lib/db/client";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { refundedGift } from "./charged-amount";
import {
  recordNotice,
  sameMoney,
  setOutcome,
  settleTransactionOptions,
  type GatewayNotice,
  type ReportedMoney,
  type SettledDonation,
} from "./payment-event-log";
import { afterSettling, settleDonation, type SettleResult } from "./settle-donation";
import { refundDonation, transitionDonation } from "./transition-donation";

export interface RefundSettlement {
  donation: SettledDonation;
  /** Everything given back on the payment so far (cumulative), minor units of the charge; the charge for a lost dispute. */
  refundedCharge: number;
  /** The payment's charge as the gateway reports it with the refund. */
  reported: ReportedMoney;
  event: GatewayNotice;
}

/**
 * Applies money the gateway gave back (a refund, or a dispute the charity lost) in one transaction with the notice
 * that reported it: the refunded part of the gift (refundedGift: gift first, capped at the gift) leaves the total.
 * A refund proves the charge happened, so a donation not counted yet (its success callback late or lost, or a
 * success we had given up on) is counted first, and the total stays right whichever notice arrives first.
 */
export async function settleRefund(settlement: RefundSettlement): Promise<SettleResult> {
  const { donation, reported, event } = settlement;
  // Other money than the donation holds: the same review path as a payment's outcome, nothing is taken out.
  if (!sameMoney(donation, reported)) return settleDonation({ donation, to: "succeeded", reported, event });
  let from: DonationStatus | null = null;
  let changed = false;
  const result = await getDb().$transaction(async (tx): Promise<SettleResult> => {
    if (!(await recordNotice(tx, donation, event, `applied:${event.type}`))) return "duplicate";
    from = await transitionDonation(tx, donation, "succeeded", { gatewayReported: true });
    const refund = await refundDonation(tx, donation, refundedGift(donation, settlement.refundedCharge));
    changed = from !== null || refund !== null;
    // Already refunded that far (an older or repeated notice), or under review: nothing more leaves the total.
    if (!refund)
      await setOutcome(tx, donation, event, from ? "applied:succeeded" : "ignored:nothing-to-refund");
    else if (from) await setOutcome(tx, donation, event, `applied:succeeded+${refund.to}`);
    return changed ? "changed" : "unchanged";
  }, settleTransactionOptions);
  if (result !== "duplicate") afterSettling(donation, { from, counted: changed, event });
  return result;
}

import type Stripe from "stripe";

/** Money going back on a charge: everything refunded so far (cumulative), or a dispute the charity lost. */
export type ChargeNotice =
  | { kind: "refund"; paymentIntent: string; refundedAmount: number }
  | { kind: "dispute_lost"; paymentIntent: string };

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

/**
 * charge.refunded carries amount_refunded, the cumulative total, so a late or repeated notice cannot take too much;
 * charge.dispute.closed counts only when lost (a dispute still open, or won, leaves the money where it is). Both
 * name the PaymentIntent, from which the gateway finds the Checkout Session our donation is filed under.
 */
export function chargeNoticeOf(event: Stripe.Event): ChargeNotice | null {
  if (event.type === "charge.refunded") {
    const paymentIntent = idOf(event.data.object.payment_intent);
    if (!paymentIntent) return null;
    return { kind: "refund", paymentIntent, refundedAmount: event.data.object.amount_refunded };
  }
  if (event.type === "charge.dispute.closed" && event.data.object.status === "lost") {
    const paymentIntent = idOf(event.data.object.payment_intent);
    return paymentIntent ? { kind: "dispute_lost", paymentIntent } : null;
  }
  return null;
}

import type Stripe from "stripe";
import type { PaymentEvent, PaymentOutcome } from "../gateway";

// The session events that settle a donation. `completed` counts only once paid: a delayed method completes the
// session unpaid and reports later with async_payment_succeeded or _failed.
function outcomeOf(event: Stripe.Event): PaymentOutcome | null {
  switch (event.type) {
    case "checkout.session.completed":
      return event.data.object.payment_status === "unpaid" ? null : "succeeded";
    case "checkout.session.async_payment_succeeded":
      return "succeeded";
    case "checkout.session.async_payment_failed":
      return "failed";
    case "checkout.session.expired":
      return "expired";
    default:
      return null;
  }
}

/**
 * A verified Stripe event in our terms; null for one that settles nothing. A session without our donation id in
 * its metadata belongs to another integration on the same Stripe account: answered 200 and left alone, since a
 * refusal would have Stripe retry it for days (and warn that the endpoint is failing).
 */
export function paymentEventOf(event: Stripe.Event): PaymentEvent | null {
  const outcome = outcomeOf(event);
  if (!outcome || event.data.object.object !== "checkout.session") return null;
  const session = event.data.object as Stripe.Checkout.Session;
  if (!session.metadata?.donation_id) return null;
  return {
    kind: "payment",
    eventId: event.id,
    outcome,
    sessionId: session.id,
    amount: session.amount_total ?? 0,
    currency: (session.currency ?? "").toUpperCase(),
    createdAt: new Date(event.created * 1000),
    payload: event,
  };
}

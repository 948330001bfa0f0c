import type Stripe from "stripe";
import type { SessionState, SessionStatus } from "../gateway";

// A completed session that is still unpaid was paid by a delayed method (SEPA debit, bank transfer): its
// PaymentIntent says whether that payment is still on its way or has failed (Stripe then wants another method).
const FAILED_INTENT: ReadonlySet<string> = new Set(["requires_payment_method", "canceled"]);

function statusOf(session: Stripe.Checkout.Session): SessionStatus {
  if (session.status === "expired") return "expired";
  if (session.status !== "complete") return "open";
  if (session.payment_status !== "unpaid") return "paid";
  const intent = session.payment_intent;
  return intent && typeof intent === "object" && FAILED_INTENT.has(intent.status) ? "declined" : "pending";
}

/** Our terms for a session as Stripe reports it: amounts in minor units, the currency in upper case. */
export function sessionState(session: Stripe.Checkout.Session): SessionState {
  return {
    status: statusOf(session),
    amount: session.amount_total ?? 0,
    currency: (session.currency ?? "").toUpperCase(),
  };
}

// The port every redirect-based gateway implements (a simulated one today; Stripe Checkout or a bank's hosted
// payment page later). It speaks our language: amounts in minor units, our donation id as the reference.

export interface CheckoutRequest {
  /** Our donation id, passed to the gateway as its reference / client_reference_id. */
  reference: string;
  amount: number;
  currency: string;
  locale: string;
  /** Where the gateway sends the browser back; it appends `session=<sessionId>`. */
  returnUrl: string;
}

export interface Checkout {
  sessionId: string;
  /** Where the donor's browser goes to pay. */
  redirectUrl: string;
}

export type PaymentOutcome = "succeeded" | "failed" | "cancelled";

/**
 * A verified server-to-server notification, already mapped to our terms. Every kind names the payment by the
 * session it was opened with, and carries the payment's own charge (`amount`, minor units, and `currency`: the
 * gift plus any fee covered), which we check against the donation whatever the kind.
 *
 * `eventId` is unique per piece of news and the same on every retry of it (Stripe's event id; for a gateway whose
 * notices carry none, such as Mollie's, an id built from the payment or refund id and the state it reports): the
 * database keeps it unique per gateway, so a retried notice changes nothing.
 */
interface GatewayEventBase {
  eventId: string;
  sessionId: string;
  /** The payment's charge in minor units (amount + fee), not the amount of this refund or dispute. */
  amount: number;
  currency: string;
  /** When the gateway created the event. */
  createdAt: Date;
  /** The parsed body, kept for audit. */
  payload: unknown;
}

/**
 * The payment's outcome. Stripe: checkout.session.completed, async_payment_failed, expired; Mollie: paid,
 * failed, canceled.
 */
export interface PaymentEvent extends GatewayEventBase {
  kind: "payment";
  outcome: PaymentOutcome;
}

/**
 * Money given back to the donor, in full or in part. `refundedAmount` is cumulative: everything refunded on this
 * payment so far, in minor units of the charge (at most `amount`), never the size of the latest refund alone, so
 * notices arriving out of order or twice cannot take too much. Stripe: charge.refunded (`amount_refunded`);
 * Mollie: a payment's webhook after a refund (`amountRefunded`).
 */
export interface RefundEvent extends GatewayEventBase {
  kind: "refund";
  refundedAmount: number;
}

/**
 * A chargeback the charity lost: the card network took the whole charge back. A dispute still open, or won,
 * changes nothing and is not mapped to an event. Stripe: charge.dispute.closed with status "lost"; Mollie: a
 * chargeback on the payment (Mollie reports no outcome; the money is gone when it is reported).
 */
export interface DisputeLostEvent extends GatewayEventBase {
  kind: "dispute_lost";
}

export type GatewayEvent = PaymentEvent | RefundEvent | DisputeLostEvent;

export type SessionStatus = "paid" | "declined" | "cancelled" | "pending" | "expired";

export interface SessionState {
  status: SessionStatus;
  amount: number;
  currency: string;
}

export interface PaymentGateway {
  /** Stored with each donation, so a donation is always settled by the gateway that took it. */
  readonly name: string;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /** Checks the signature over the exact raw body and parses it; throws an ApiError when it cannot be trusted. */
  verifyCallback(rawBody: string, headers: Headers): Promise<GatewayEvent>;
  /** Asks the gateway itself; null when it does not know the session. */
  getSessionStatus(sessionId: string): Promise<SessionState | null>;
}

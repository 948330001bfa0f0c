// The port every redirect-based gateway implements (the simulated one, Stripe Checkout, Mollie). It speaks our
// language: amounts in minor units, our donation id as the reference. Vendor shapes stay inside each provider.

export interface CheckoutRequest {
  /** Our donation id, passed to the gateway as its reference / client_reference_id. */
  reference: string;
  amount: number;
  currency: string;
  locale: string;
  /** Where the gateway sends the browser back; it names our donation, and a gateway may append `session=<id>`. */
  returnUrl: string;
  /** What the donor sees on the hosted page as the thing bought, in their language. */
  description: string;
  /** When the hosted page stops taking payment, where the gateway lets us say so (fixed per donation). */
  expiresAt: Date;
}

export interface Checkout {
  sessionId: string;
  /** Where the donor's browser goes to pay. */
  redirectUrl: string;
}

export type PaymentOutcome = "succeeded" | "failed" | "cancelled" | "expired";

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

/**
 * `open`: nothing was paid yet and the session can still be paid (a donor who comes back in this state left the
 * hosted page without paying). `pending`: the donor submitted a payment the gateway has not settled yet (a bank
 * debit, a transfer), so it may still succeed or fail.
 */
export type SessionStatus = "paid" | "declined" | "cancelled" | "open" | "pending" | "expired";

export interface SessionState {
  status: SessionStatus;
  amount: number;
  currency: string;
}

/**
 * How a callback's verification asks the gateway something (Mollie's payment, the Stripe session behind a refunded
 * charge): through the gateway's breaker and rate cap, so a flood of callbacks cannot take the capacity donors
 * need, and a gateway that cannot be asked answers the callback 503, which the gateway retries.
 */
export type GatewayCall = <T>(call: () => Promise<T>) => Promise<T>;

export interface PaymentGateway {
  /** Stored with each donation, so a donation is always settled by the gateway that took it. */
  readonly name: string;
  /**
   * Origins of the hosted payment page the donor is redirected to (none for a page of our own): the CSP's
   * form-action must name them, since a form post redirected elsewhere is held to it.
   */
  readonly checkoutOrigins: readonly string[];
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /**
   * Checks the callback (a signature over the exact raw body, or the gateway's own answer about the id it names,
   * asked through `ask`) and maps it to our terms; throws an ApiError when it cannot be trusted. Null for a genuine notice that settles
   * nothing (a payment still in progress, an event type we do not act on).
   */
  verifyCallback(rawBody: string, headers: Headers, ask: GatewayCall): Promise<GatewayEvent | null>;
  /** Asks the gateway itself; null when it does not know the session. */
  getSessionStatus(sessionId: string): Promise<SessionState | null>;
}

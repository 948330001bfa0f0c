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

/** A verified server-to-server notification, already mapped to our terms. */
export interface PaymentEvent {
  eventId: string;
  outcome: PaymentOutcome;
  sessionId: string;
  amount: number;
  currency: string;
  /** When the gateway created the event. */
  createdAt: Date;
  /** The parsed body, kept for audit. */
  payload: unknown;
}

/**
 * What a gateway reports after a payment succeeded: money going back (a refund, whole or part) or a dispute and
 * its end. Declared for the statuses that will hold it (refunded, disputed: transition-donation.ts), and not yet
 * produced by any provider: Stripe's charge.refunded and charge.dispute.created/closed, and Mollie's refunds and
 * chargebacks, map here once a donation can take those statuses. `sessionId` is the checkout the payment came
 * from (Stripe: found from the charge's PaymentIntent, whose metadata carries our donation id).
 */
export interface PaymentAdjustmentEvent {
  eventId: string;
  kind: "refunded" | "partially_refunded" | "dispute_opened" | "dispute_won" | "dispute_lost";
  sessionId: string;
  /** Minor units concerned: the amount refunded or disputed, not the payment's. */
  amount: number;
  currency: string;
  createdAt: Date;
  payload: unknown;
}

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

export interface PaymentGateway {
  /** Stored with each donation, so a donation is always settled by the gateway that took it. */
  readonly name: string;
  /**
   * Origins of the hosted payment page the donor is redirected to (none for a page of our own): the CSP's
   * form-action must name them, since a form post redirected elsewhere is held to it.
   */
  readonly checkoutOrigins: readonly string[];
  /** Whether verifyCallback asks the gateway (unsigned callbacks), so it is held to the gateway's breaker and cap. */
  readonly verifiesByLookup: boolean;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /**
   * Checks the callback (a signature over the exact raw body, or the gateway's own answer about the id it names)
   * and maps it to our terms; throws an ApiError when it cannot be trusted. Null for a genuine notice that settles
   * nothing (a payment still in progress, an event type we do not act on).
   */
  verifyCallback(rawBody: string, headers: Headers): Promise<PaymentEvent | null>;
  /** Asks the gateway itself; null when it does not know the session. */
  getSessionStatus(sessionId: string): Promise<SessionState | null>;
}

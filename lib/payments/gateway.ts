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
  verifyCallback(rawBody: string, headers: Headers): Promise<PaymentEvent>;
  /** Asks the gateway itself; null when it does not know the session. */
  getSessionStatus(sessionId: string): Promise<SessionState | null>;
}

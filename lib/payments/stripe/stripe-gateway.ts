import "server-only";
import Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import type { PaymentGateway } from "../gateway";
import { chargeNoticeOf } from "./charge-notice";
import { checkoutIdempotencyKey, sessionParams } from "./checkout-session";
import { sessionState } from "./session-state";
import { createStripeClient, type StripeSettings } from "./stripe-client";
import { stripeCheckoutOrigin } from "./stripe-origin";
import { paymentEventOf } from "./webhook-event";

/** Stripe's own limit on a signature's age; a captured event cannot be replayed later than this. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;
const SESSION_ID = /^cs_(test|live)_[A-Za-z0-9]{1,200}$/;

function constructEvent(stripe: Stripe, rawBody: string, headers: Headers, secret: string): Stripe.Event {
  const header = headers.get("stripe-signature");
  if (!header) throw new ApiError("invalid_signature", "missing Stripe-Signature");
  try {
    return stripe.webhooks.constructEvent(rawBody, header, secret, STRIPE_SIGNATURE_TOLERANCE_SECONDS);
  } catch (error) {
    // The SDK checks the signature before the age, so only a genuinely signed event is told it is stale.
    const stale = error instanceof Error && error.message.startsWith("Timestamp outside the tolerance zone");
    throw new ApiError(stale ? "stale_event" : "invalid_signature", "Stripe event not verified", {
      cause: error,
    });
  }
}

const isMissing = (error: unknown) =>
  error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing";

/** Stripe Checkout: a hosted page on checkout.stripe.com, webhooks signed with the endpoint's secret. */
export function createStripeGateway(settings: StripeSettings): PaymentGateway {
  const stripe = createStripeClient(settings);
  const checkoutOrigin = stripeCheckoutOrigin(settings.apiUrl);
  return {
    name: "stripe",
    checkoutOrigins: [checkoutOrigin],

    async createCheckout(request) {
      const session = await stripe.checkout.sessions.create(sessionParams(request), {
        idempotencyKey: checkoutIdempotencyKey(request.reference),
      });
      if (!session.url) throw new Error(`Stripe returned session ${session.id} without a URL`);
      return { sessionId: session.id, redirectUrl: session.url };
    },

    async verifyCallback(rawBody, headers, ask) {
      const event = constructEvent(stripe, rawBody, headers, settings.webhookSecret);
      const notice = chargeNoticeOf(event);
      if (!notice) return paymentEventOf(event);
      // A charge names its PaymentIntent, not the Checkout Session our donation is filed under: Stripe is asked.
      const { paymentIntent, ...money } = notice;
      const found = await ask(() =>
        stripe.checkout.sessions.list({ payment_intent: paymentIntent, limit: 1 }),
      );
      const session = found.data[0];
      // Not a payment of ours (another integration on the same account): answered 200 and left alone.
      if (!session?.metadata?.donation_id) return null;
      return {
        ...money,
        eventId: event.id,
        sessionId: session.id,
        // The payment's own charge, checked against the donation like any other notice.
        amount: session.amount_total ?? 0,
        currency: (session.currency ?? "").toUpperCase(),
        createdAt: new Date(event.created * 1000),
        payload: event,
      };
    },

    async getSessionStatus(sessionId) {
      if (!SESSION_ID.test(sessionId)) return null;
      try {
        const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent"] });
        return sessionState(session);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
  };
}

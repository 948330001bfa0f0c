import type Stripe from "stripe";
import type { CheckoutRequest } from "../gateway";

// Stripe Checkout has no Arabic: "auto" lets it follow the donor's browser instead of forcing English.
const STRIPE_LOCALES: Record<string, Stripe.Checkout.SessionCreateParams.Locale> = {
  en: "en",
  fr: "fr",
  ar: "auto",
};

/** The same donation always sends the same key, so a retried creation returns the first session, never a second. */
export const checkoutIdempotencyKey = (donationId: string) => `checkout-${donationId}`;

/**
 * One line item priced inline (no Product to keep in the dashboard). Our donation id travels as the client
 * reference and in metadata, on the session and on its PaymentIntent, so a refund or dispute found later on the
 * charge still leads back to the donation. `{CHECKOUT_SESSION_ID}` is Stripe's placeholder: it must stay
 * unencoded, which is why the success URL is joined as a string.
 */
export function sessionParams(request: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  const metadata = { donation_id: request.reference };
  return {
    mode: "payment",
    submit_type: "donate",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: request.currency.toLowerCase(),
          unit_amount: request.amount,
          product_data: { name: request.description },
        },
      },
    ],
    client_reference_id: request.reference,
    metadata,
    payment_intent_data: { metadata },
    locale: STRIPE_LOCALES[request.locale] ?? "auto",
    success_url: `${request.returnUrl}&session={CHECKOUT_SESSION_ID}`,
    // The same return: it asks Stripe, which says the session is still open, and the donor sees "cancelled".
    cancel_url: request.returnUrl,
    expires_at: Math.floor(request.expiresAt.getTime() / 1000),
  };
}

/** Where Stripe hosts Checkout; the only origin the donate form's redirect may lead to. */
export const STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com";

/** A stand-in for Stripe's API (STRIPE_API_URL) serves the hosted page too, so its origin replaces Stripe's. */
export function stripeCheckoutOrigin(apiUrl: string | undefined): string {
  return apiUrl ? new URL(apiUrl).origin : STRIPE_CHECKOUT_ORIGIN;
}

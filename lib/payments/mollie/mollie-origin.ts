/** Where Mollie hosts its payment page; the only origin the donate form's redirect may lead to. */
export const MOLLIE_CHECKOUT_ORIGIN = "https://www.mollie.com";

/** A stand-in for Mollie's API (MOLLIE_API_URL) serves the hosted page too, so its origin replaces Mollie's. */
export function mollieCheckoutOrigin(apiUrl: string | undefined): string {
  return apiUrl ? new URL(apiUrl).origin : MOLLIE_CHECKOUT_ORIGIN;
}

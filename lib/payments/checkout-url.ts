import type { Checkout, PaymentGateway } from "./gateway";

/**
 * The donor is sent only to a page of ours or to the gateway's own hosted page: a checkout URL anywhere else (a
 * misconfigured API URL, a tampered answer) is refused before any donor follows it.
 */
export function assertCheckoutUrl(
  gateway: Pick<PaymentGateway, "name" | "checkoutOrigins">,
  checkout: Checkout,
): Checkout {
  const url = checkout.redirectUrl;
  const ownPage = url.startsWith("/") && !url.startsWith("//");
  if (ownPage) return checkout;
  const origin = URL.canParse(url) ? new URL(url).origin : null;
  if (origin && gateway.checkoutOrigins.includes(origin)) return checkout;
  throw new Error(`${gateway.name} returned a checkout URL outside its hosted page's origin`);
}

import type { Env } from "@/lib/env";
import { mollieCheckoutOrigin } from "./mollie/mollie-origin";
import { stripeCheckoutOrigin } from "./stripe/stripe-origin";

/**
 * The hosted payment page's origin for the configured provider, for the CSP's form-action (a form post redirected
 * to another origin is held to it). Read from settings alone, as next.config.ts needs it without a gateway client.
 */
export function checkoutOrigins(
  env: Pick<Env, "PAYMENT_PROVIDER" | "STRIPE_API_URL" | "MOLLIE_API_URL">,
): string[] {
  switch (env.PAYMENT_PROVIDER) {
    case "sandbox":
      return [];
    case "stripe":
      return [stripeCheckoutOrigin(env.STRIPE_API_URL)];
    case "mollie":
      return [mollieCheckoutOrigin(env.MOLLIE_API_URL)];
  }
}

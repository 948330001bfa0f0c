import type { Env } from "@/lib/env";
import { mollieCheckoutOrigin } from "./mollie/mollie-origin";
import { stripeCheckoutOrigin } from "./stripe/stripe-origin";

type ProviderSettings = Pick<
  Env,
  "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_API_URL" | "MOLLIE_API_KEY" | "MOLLIE_API_URL"
>;

/**
 * The hosted payment pages of the providers this deployment has credentials for (the gateways get-gateway.ts
 * builds, so a checkout started before a switch of PAYMENT_PROVIDER can still be reached), for the CSP's
 * form-action: a form post redirected to another origin is held to it. Read from settings alone, as
 * next.config.ts needs it without a gateway client. The sandbox's page is our own.
 */
export function checkoutOrigins(env: ProviderSettings): string[] {
  return [
    ...(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET ? [stripeCheckoutOrigin(env.STRIPE_API_URL)] : []),
    ...(env.MOLLIE_API_KEY ? [mollieCheckoutOrigin(env.MOLLIE_API_URL)] : []),
  ];
}

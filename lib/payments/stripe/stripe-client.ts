import Stripe from "stripe";

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** A stand-in for api.stripe.com (tests, offline runs); it also serves the hosted page. */
  apiUrl?: string;
}

/**
 * The SDK's deadline (8 s) stays under the gateway breaker's (10 s), so a hanging Stripe fails as an SDK error the
 * breaker counts. One network retry: safe, since every creation carries an idempotency key of its own.
 */
export function createStripeClient({ secretKey, apiUrl }: StripeSettings): Stripe {
  const url = apiUrl ? new URL(apiUrl) : null;
  const protocol = url?.protocol === "http:" ? "http" : "https";
  return new Stripe(secretKey, {
    maxNetworkRetries: 1,
    timeout: 8_000,
    telemetry: false,
    ...(url && { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol }),
  });
}

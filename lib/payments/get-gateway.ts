import "server-only";
import { env } from "@/lib/env";
import type { PaymentGateway } from "./gateway";
import { createMollieGateway } from "./mollie/mollie-gateway";
import { sandboxGateway } from "./sandbox/sandbox-gateway";
import { createStripeGateway } from "./stripe/stripe-gateway";

// Every gateway this deployment can talk to: the configured one, and any other with credentials, so a donation
// started before a switch of PAYMENT_PROVIDER is still settled by the gateway that took it. The sandbox answers
// in production only when it is the configured provider: its callbacks are signed with a local default otherwise.
function availableGateways(): PaymentGateway[] {
  const gateways: PaymentGateway[] = [];
  if (env.PAYMENT_PROVIDER === "sandbox" || env.NODE_ENV !== "production") gateways.push(sandboxGateway);
  if (env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET) {
    gateways.push(
      createStripeGateway({
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        apiUrl: env.STRIPE_API_URL,
      }),
    );
  }
  if (env.MOLLIE_API_KEY) {
    gateways.push(
      createMollieGateway({
        apiKey: env.MOLLIE_API_KEY,
        apiUrl: env.MOLLIE_API_URL,
        webhookUrl: `${env.APP_URL}/api/payments/callback/mollie`,
      }),
    );
  }
  return gateways;
}

let gateways: PaymentGateway[] | undefined;

/** The gateway a donation was started with, which may no longer be the configured one; null if unknown here. */
export function getGatewayByName(name: string): PaymentGateway | null {
  gateways ??= availableGateways();
  return gateways.find((gateway) => gateway.name === name) ?? null;
}

/** The configured gateway; new donations start there (lib/env.ts refuses a provider without its credentials). */
export function getGateway(): PaymentGateway {
  const gateway = getGatewayByName(env.PAYMENT_PROVIDER);
  if (!gateway) throw new Error(`payment provider ${env.PAYMENT_PROVIDER} is not configured`);
  return gateway;
}

import "server-only";
import { env } from "@/lib/env";
import type { PaymentGateway } from "./gateway";
import { sandboxGateway } from "./sandbox/sandbox-gateway";

const gateways: Record<typeof env.PAYMENT_PROVIDER, PaymentGateway> = {
  sandbox: sandboxGateway,
};

/** The configured gateway; new donations start there. */
export function getGateway(): PaymentGateway {
  return gateways[env.PAYMENT_PROVIDER];
}

/** The gateway a donation was started with, which may no longer be the configured one; null if unknown here. */
export function getGatewayByName(name: string): PaymentGateway | null {
  return Object.values(gateways).find((gateway) => gateway.name === name) ?? null;
}

import { env, secrets } from "@/lib/env";
import { signPayload } from "@/lib/payments/sandbox/signature";

// Requests as browsers, clients and the gateway send them, for the route handler tests.

export const validDonation = {
  amount: 2500,
  currency: "EUR",
  locale: "en",
  name: "Ada",
  email: "ada@example.org",
};

export function jsonDonationRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${env.APP_URL}/api/donations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function formDonationRequest(
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Request {
  return new Request(`${env.APP_URL}/api/donations`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: env.APP_URL, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export interface CallbackFields {
  id: string;
  type: "payment.succeeded" | "payment.failed" | "payment.cancelled" | "payment.refunded" | "dispute.lost";
  sessionId: string;
  /** The payment's charge, whatever the type. */
  amount: number;
  currency: string;
  /** payment.refunded: everything refunded on the payment so far. */
  refundedAmount?: number;
}

export function callbackRequest(
  event: CallbackFields,
  { timestamp = Math.floor(Date.now() / 1000), secret = secrets.paymentWebhook } = {},
): Request {
  const body = JSON.stringify({ ...event, created: timestamp });
  return new Request(`${env.APP_URL}/api/payments/callback`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Sandbox-Signature": signPayload(secret, body, timestamp),
    },
    body,
  });
}

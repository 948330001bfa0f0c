import { randomUUID } from "node:crypto";
import { signPayload } from "@/lib/payments/sandbox/signature";
import type { LoadRequest } from "../load";
import { WEBHOOK_SECRET } from "../servers";

// Requests as donors' browsers and the sandbox gateway send them.

export const donationStart = (amount = 2500): LoadRequest => ({
  method: "POST",
  path: "/api/donations",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ amount, currency: "EUR", locale: "en", name: "Bench", email: "bench@example.org" }),
});

export type Outcome = "payment.succeeded" | "payment.failed" | "payment.cancelled";

export function signedCallback(
  donation: { sessionId: string; amount: number; currency: string },
  type: Outcome,
  eventId = `evt_${randomUUID()}`,
  secret = WEBHOOK_SECRET,
): LoadRequest {
  const created = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    id: eventId,
    type,
    sessionId: donation.sessionId,
    amount: donation.amount,
    currency: donation.currency,
    created,
  });
  return {
    method: "POST",
    path: "/api/payments/callback",
    headers: {
      "content-type": "application/json",
      "sandbox-signature": signPayload(secret, body, created),
    },
    body,
  };
}

export async function send(base: string, request: LoadRequest): Promise<Response> {
  return fetch(`${base}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
}

// POST /api/payments/callback/stripe – Stripe's webhook, signed with the endpoint's secret (Stripe-Signature)
import { answerPaymentCallback } from "@/lib/donations/answer-payment-callback";
import { withRequestLogging } from "@/lib/observability/with-request-logging";

export const POST = withRequestLogging("POST /api/payments/callback/stripe", (request) =>
  answerPaymentCallback("stripe", request),
);

// POST /api/payments/callback/mollie – Mollie's unsigned `id=tr_…` notice; the status is asked of Mollie itself
import { answerPaymentCallback } from "@/lib/donations/answer-payment-callback";
import { withRequestLogging } from "@/lib/observability/with-request-logging";

export const POST = withRequestLogging("POST /api/payments/callback/mollie", (request) =>
  answerPaymentCallback("mollie", request),
);

// POST /api/payments/callback – the sandbox gateway's signed server-to-server notice of a payment's outcome or refund
import { answerPaymentCallback } from "@/lib/donations/answer-payment-callback";
import { withRequestLogging } from "@/lib/observability/with-request-logging";

export const POST = withRequestLogging("POST /api/payments/callback", (request) =>
  answerPaymentCallback("sandbox", request),
);

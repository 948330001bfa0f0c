// POST /api/payments/callback – the gateway's signed server-to-server notice of a payment's outcome or refund
import { recordPaymentEvent } from "@/lib/donations/record-payment-event";
import { CALLBACK_BODY_LIMIT_BYTES, readBody } from "@/lib/http/read-body";
import { withRequestLogging } from "@/lib/observability/with-request-logging";
import { getGateway } from "@/lib/payments/get-gateway";
import { withDatabase } from "@/lib/resilience/database-guard";

export const POST = withRequestLogging("POST /api/payments/callback", async (request) => {
  const rawBody = await readBody(request, { maxBytes: CALLBACK_BODY_LIMIT_BYTES });
  // A database outage answers 503: the gateway retries a callback it was refused, so nothing is lost.
  const result = await withDatabase(() => recordPaymentEvent(getGateway(), rawBody, request.headers));
  // Duplicates, events for already-final donations and events held for review (other money than the donation
  // holds: stored, reported once, the donation moved to needs_review) answer 2xx as well: gateways retry anything
  // else for days, and there is nothing left for them to deliver; a retry would only repeat the alert.
  return Response.json({ received: true, result });
});

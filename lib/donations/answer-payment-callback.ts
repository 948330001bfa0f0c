import { ApiError } from "@/lib/api/errors";
import { CALLBACK_BODY_LIMIT_BYTES, readBody } from "@/lib/http/read-body";
import { getGatewayByName } from "@/lib/payments/get-gateway";
import { withDatabase } from "@/lib/resilience/database-guard";
import { recordPaymentEvent } from "./record-payment-event";

/** One gateway's server-to-server callback, read raw (signatures cover the exact bytes), recorded, answered. */
export async function answerPaymentCallback(gatewayName: string, request: Request): Promise<Response> {
  const gateway = getGatewayByName(gatewayName);
  if (!gateway) throw new ApiError("not_found", `${gatewayName} is not configured here`);
  const rawBody = await readBody(request, { maxBytes: CALLBACK_BODY_LIMIT_BYTES });
  // A database outage, an open gateway breaker or the gateway's cap answer 503: gateways retry a refused
  // callback (Stripe for three days, Mollie ten times over 26 hours), so nothing is lost.
  const result = await withDatabase(() => recordPaymentEvent(gateway, rawBody, request.headers));
  // Duplicates, events for already-final donations and notices that settle nothing answer 2xx as well: gateways
  // retry anything else, and there is nothing left for them to deliver.
  return Response.json({ received: true, result });
}

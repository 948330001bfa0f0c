// POST /api/payments/callback – the gateway's signed server-to-server notice of a payment's outcome
import { toErrorResponse } from "@/lib/api/errors";
import { recordPaymentEvent } from "@/lib/donations/record-payment-event";
import { CALLBACK_BODY_LIMIT_BYTES, readBody } from "@/lib/http/read-body";
import { getGateway } from "@/lib/payments/get-gateway";

export async function POST(request: Request) {
  try {
    const rawBody = await readBody(request, { maxBytes: CALLBACK_BODY_LIMIT_BYTES });
    const result = await recordPaymentEvent(getGateway(), rawBody, request.headers);
    // Duplicates and events for already-final donations answer 2xx as well: gateways retry anything else for
    // days, and there is nothing left for them to deliver.
    return Response.json({ received: true, result });
  } catch (error) {
    return toErrorResponse(error);
  }
}

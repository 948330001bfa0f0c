import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/client";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { settleDonation, type SettleResult } from "./settle-donation";

/** Handles one server-to-server callback: verified by the gateway, matched to our donation, then settled. */
export async function recordPaymentEvent(
  gateway: PaymentGateway,
  rawBody: string,
  headers: Headers,
): Promise<SettleResult> {
  const event = await gateway.verifyCallback(rawBody, headers);
  const donation = await getDb().donation.findUnique({
    where: { gateway_gatewaySessionId: { gateway: gateway.name, gatewaySessionId: event.sessionId } },
  });
  if (!donation) throw new ApiError("not_found", `no donation for session ${event.sessionId}`);
  return settleDonation({
    donation,
    to: event.outcome,
    reported: event,
    event: { eventId: event.eventId, type: event.outcome, payload: event.payload },
  });
}

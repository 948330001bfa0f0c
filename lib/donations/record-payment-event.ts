import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/client";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { chargedAmount } from "./charged-amount";
import { settleDonation, type SettleResult } from "./settle-donation";
import { settleRefund } from "./settle-refund";

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
  const reported = { amount: event.amount, currency: event.currency };
  const notice = {
    eventId: event.eventId,
    type: event.kind === "payment" ? event.outcome : event.kind,
    payload: event.payload,
  };
  if (event.kind === "payment") {
    return settleDonation({ donation, to: event.outcome, reported, event: notice });
  }
  // A lost dispute takes the whole charge back.
  const refundedCharge = event.kind === "refund" ? event.refundedAmount : chargedAmount(donation);
  return settleRefund({ donation, refundedCharge, reported, event: notice });
}

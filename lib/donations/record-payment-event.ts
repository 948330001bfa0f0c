import { ApiError } from "@/lib/api/errors";
import { batchParameters, batchRowsSql } from "@/lib/db/batch-rows";
import { batchedStatement } from "@/lib/db/batched-statement";
import { getSql, type Sql } from "@/lib/db/client";
import type { GatewayCall, PaymentGateway } from "@/lib/payments/gateway";
import { callGateway } from "@/lib/resilience/checkout-admission";
import { chargedAmount } from "./charged-amount";
import { settleReportedOutcome, type SettleResult } from "./settle-donation";
import type { SettledDonation } from "./payment-event-log";
import { settleRefund } from "./settle-refund";

/** `ignored`: a genuine notice that settles nothing (a payment still in progress, a type we do not act on). */
export type CallbackResult = SettleResult | "ignored";

/** A gateway that could not be asked is a 503 its retries get past, not a 500 of ours. */
function asUnavailable(error: unknown): never {
  if (error instanceof ApiError) throw error;
  throw new ApiError("service_unavailable", "the gateway could not confirm the callback", {
    retryAfterSeconds: 5,
    cause: error,
  });
}

export interface SessionKey {
  gateway: string;
  sessionId: string;
}

/**
 * The donation a gateway's session belongs to, with what settling it needs: a lookup every callback makes, so
 * batched with the other callbacks' (lib/db/batched-statement.ts).
 */
const donationForSession = batchedStatement<SessionKey, SettledDonation | undefined>({
  name: "find donations by session",
  run: (keys) => donationsForSessions(getSql(), keys),
});

/** donationForSession's statement, for one batch. */
export async function donationsForSessions(
  sql: Sql,
  keys: SessionKey[],
): Promise<(SettledDonation | undefined)[]> {
  const { rows } = await sql.query<SettledDonation & { idx: number }>(
    `SELECT key.idx, d.id, d.campaign, d.currency, d.amount, d.fee, d.gateway
    FROM ${batchRowsSql("$1", "$2", "key", "idx int, gateway text, session_id text")}
    JOIN donations d ON d.gateway = key.gateway AND d.gateway_session_id = key.session_id`,
    batchParameters(keys.map(({ gateway, sessionId }, idx) => ({ idx, gateway, session_id: sessionId }))),
  );
  const found = new Map(rows.map(({ idx, ...donation }) => [idx, donation]));
  return keys.map((_, idx) => found.get(idx));
}

/** Handles one server-to-server callback: verified by the gateway, matched to our donation, then settled. */
export async function recordPaymentEvent(
  gateway: PaymentGateway,
  rawBody: string,
  headers: Headers,
): Promise<CallbackResult> {
  // What verification asks the gateway spends its rate like any other call, and is refused with a 503 the
  // gateway retries while the breaker is open or the cap is reached.
  const ask: GatewayCall = (call) => callGateway(call).catch(asUnavailable);
  const event = await gateway.verifyCallback(rawBody, headers, ask);
  if (!event) return "ignored";
  const reported = { amount: event.amount, currency: event.currency };
  if (event.kind === "payment") {
    // Found, checked and settled in one statement: a callback is one round trip.
    return settleReportedOutcome({
      gateway: gateway.name,
      sessionId: event.sessionId,
      outcome: event.outcome,
      reported,
      event: { eventId: event.eventId, type: event.outcome, payload: event.payload },
    });
  }
  const donation = await donationForSession({ gateway: gateway.name, sessionId: event.sessionId });
  if (!donation) throw new ApiError("not_found", `no donation for session ${event.sessionId}`);
  const notice = { eventId: event.eventId, type: event.kind, payload: event.payload };
  // A lost dispute takes the whole charge back.
  const refundedCharge = event.kind === "refund" ? event.refundedAmount : chargedAmount(donation);
  return settleRefund({ donation, refundedCharge, reported, event: notice });
}

import type { GatewayEvent, SessionState } from "../gateway";
import { fromMollieValue } from "./mollie-amount";
import type { MolliePayment } from "./mollie-client";
import { CALLBACK_OUTCOME } from "./mollie-status";

/**
 * What a Mollie payment, as Mollie reports it after a webhook, tells us. A payment stays `paid` when money goes
 * back, so a chargeback (the money is gone once Mollie reports it) or a refund (`amountRefunded`, cumulative) is
 * read first. Mollie's webhook carries no event id: each one is built from the payment and the state it reports,
 * so a repeated webhook is the same event and a further refund a new one.
 */
export function callbackEventOf(payment: MolliePayment, state: SessionState): GatewayEvent | null {
  const common = {
    sessionId: payment.id,
    amount: state.amount,
    currency: state.currency,
    createdAt: new Date(),
    payload: {
      id: payment.id,
      status: payment.status,
      amount: payment.amount,
      amountRefunded: payment.amountRefunded,
      amountChargedBack: payment.amountChargedBack,
      metadata: payment.metadata,
    },
  };
  const chargedBack =
    payment.amountChargedBack && fromMollieValue(payment.amountChargedBack.value, state.currency);
  if (chargedBack) return { ...common, kind: "dispute_lost", eventId: `${payment.id}:chargeback` };
  const refunded = payment.amountRefunded && fromMollieValue(payment.amountRefunded.value, state.currency);
  if (refunded) {
    return {
      ...common,
      kind: "refund",
      eventId: `${payment.id}:refunded:${refunded}`,
      refundedAmount: refunded,
    };
  }
  const outcome = CALLBACK_OUTCOME[payment.status];
  if (!outcome) return null;
  // Mollie calls again on each change and may repeat one: a payment reaches a final status once.
  return { ...common, kind: "payment", eventId: `${payment.id}:${payment.status}`, outcome };
}

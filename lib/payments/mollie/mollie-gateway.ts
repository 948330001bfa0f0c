import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { PaymentGateway, SessionState } from "../gateway";
import { fromMollieValue, toMollieValue } from "./mollie-amount";
import { createMollieClient, MollieApiError, type MolliePayment } from "./mollie-client";
import { mollieCheckoutOrigin } from "./mollie-origin";
import { callbackEventOf } from "./callback-event";
import { MOLLIE_LOCALES, SESSION_STATUS } from "./mollie-status";

export interface MollieSettings {
  apiKey: string;
  /** A stand-in for api.mollie.com (tests, offline runs); it also serves the hosted page. */
  apiUrl?: string;
  /** Where Mollie posts `id=tr_…` on every status change. */
  webhookUrl: string;
}

const PAYMENT_ID = /^tr_[A-Za-z0-9]{1,64}$/;

const isMissing = (error: unknown) => error instanceof MollieApiError && error.status === 404;

function stateOf(payment: MolliePayment): SessionState {
  const { currency, value } = payment.amount;
  // An amount we cannot read is reported as 0, which settlement refuses as a mismatch rather than guess.
  return {
    status: SESSION_STATUS[payment.status] ?? "pending",
    amount: fromMollieValue(value, currency) ?? 0,
    currency,
  };
}

function paymentIdOf(rawBody: string): string {
  const id = new URLSearchParams(rawBody).get("id");
  if (!id || !PAYMENT_ID.test(id)) throw new ApiError("bad_request", "callback names no Mollie payment");
  return id;
}

/**
 * Mollie: a hosted page on www.mollie.com. Its callbacks are unsigned and carry only a payment id, so only
 * Mollie's own answer about that id counts (asked through the gateway's breaker and cap).
 */
export function createMollieGateway(settings: MollieSettings): PaymentGateway {
  const mollie = createMollieClient({ apiKey: settings.apiKey, apiUrl: settings.apiUrl });

  async function findPayment(id: string): Promise<MolliePayment | null> {
    try {
      return await mollie.getPayment(id);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return {
    name: "mollie",
    checkoutOrigins: [mollieCheckoutOrigin(settings.apiUrl)],

    async createCheckout(request) {
      const locale = MOLLIE_LOCALES[request.locale];
      const payment = await mollie.createPayment(
        {
          amount: { currency: request.currency, value: toMollieValue(request.amount, request.currency) },
          description: request.description,
          redirectUrl: request.returnUrl,
          webhookUrl: settings.webhookUrl,
          metadata: { donationId: request.reference },
          ...(locale && { locale }),
        },
        // The same donation always sends the same key, so a retried creation returns the first payment.
        `checkout-${request.reference}`,
      );
      const redirectUrl = payment._links.checkout?.href;
      if (!redirectUrl) throw new Error(`Mollie returned payment ${payment.id} without a checkout URL`);
      return { sessionId: payment.id, redirectUrl };
    },

    async verifyCallback(rawBody, _headers, ask) {
      const id = paymentIdOf(rawBody);
      const payment = await ask(() => findPayment(id));
      // An id Mollie does not know is answered 200 like any other: Mollie's advice, so the endpoint tells a prober
      // nothing, and there is nothing for Mollie to deliver again.
      if (!payment) return null;
      // A payment without our donation id belongs to another integration on the same Mollie profile.
      const metadata = payment.metadata as { donationId?: unknown } | null;
      if (typeof metadata?.donationId !== "string") return null;
      return callbackEventOf(payment, stateOf(payment));
    },

    async getSessionStatus(sessionId) {
      if (!PAYMENT_ID.test(sessionId)) return null;
      const payment = await findPayment(sessionId);
      return payment && stateOf(payment);
    },
  };
}

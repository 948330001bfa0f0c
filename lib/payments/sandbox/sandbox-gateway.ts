import "server-only";
import { ApiError } from "@/lib/api/errors";
import { secrets } from "@/lib/env";
import { asOwnDatabaseOutage } from "@/lib/resilience/database-outage";
import type { PaymentGateway, SessionStatus } from "../gateway";
import { OUTCOME_BY_TYPE, sandboxEventSchema } from "./callback-payload";
import { findSession, isExpired, openSession } from "./sandbox-sessions";
import { SIGNATURE_HEADER, verifySignature } from "./signature";

const STATUS_BY_SESSION = {
  open: "pending",
  paid: "paid",
  declined: "declined",
  cancelled: "cancelled",
} as const;

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch (error) {
    throw new ApiError("bad_request", "callback body is not JSON", { cause: error });
  }
}

/** A simulated hosted payment page inside this app, for development, demos and tests. */
export const sandboxGateway: PaymentGateway = {
  name: "sandbox",
  checkoutOrigins: [],

  async createCheckout(request) {
    // Its sessions live in our database: an outage there is the database's, not a gateway's (asOwnDatabaseOutage).
    const session = await openSession(request).catch(asOwnDatabaseOutage);
    return { sessionId: session.id, redirectUrl: `/sandbox/checkout/${session.id}` };
  },

  async verifyCallback(rawBody, headers) {
    verifySignature(secrets.paymentWebhook, rawBody, headers.get(SIGNATURE_HEADER));
    const parsed = sandboxEventSchema.safeParse(parseJson(rawBody));
    if (!parsed.success) throw new ApiError("bad_request", "callback body has an unexpected shape");
    const event = parsed.data;
    const common = {
      eventId: event.id,
      sessionId: event.sessionId,
      amount: event.amount,
      currency: event.currency,
      createdAt: new Date(event.created * 1000),
      payload: event,
    };
    if (event.type === "payment.refunded") {
      return { ...common, kind: "refund", refundedAmount: event.refundedAmount };
    }
    if (event.type === "dispute.lost") return { ...common, kind: "dispute_lost" };
    return { ...common, kind: "payment", outcome: OUTCOME_BY_TYPE[event.type] };
  },

  async getSessionStatus(sessionId) {
    const session = await findSession(sessionId).catch(asOwnDatabaseOutage);
    if (!session) return null;
    const status: SessionStatus = isExpired(session) ? "expired" : STATUS_BY_SESSION[session.status];
    return { status, amount: session.amount, currency: session.currency };
  },
};

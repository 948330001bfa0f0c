import { randomBytes } from "node:crypto";
import { env, secrets } from "@/lib/env";
import type { SandboxSession } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/observability/logger";
import type { SandboxEvent } from "./callback-payload";
import { SIGNATURE_HEADER, signPayload } from "./signature";

const TYPE_BY_STATUS = {
  paid: "payment.succeeded",
  declined: "payment.failed",
  cancelled: "payment.cancelled",
} as const;

/** What the sandbox reports about a session: its outcome, everything refunded so far, or a dispute lost. */
export type SandboxNews = "outcome" | "refund" | "dispute_lost";

export function eventFor(
  session: SandboxSession,
  news: SandboxNews = "outcome",
  now = new Date(),
): SandboxEvent {
  if (session.status === "open") throw new Error(`sandbox session ${session.id} has no outcome yet`);
  const common = {
    id: `evt_${randomBytes(12).toString("base64url")}`,
    sessionId: session.id,
    amount: session.amount,
    currency: session.currency,
    created: Math.floor(now.getTime() / 1000),
  };
  if (news === "refund")
    return { ...common, type: "payment.refunded", refundedAmount: session.refundedAmount };
  if (news === "dispute_lost") return { ...common, type: "dispute.lost" };
  return { ...common, type: TYPE_BY_STATUS[session.status] };
}

/** The body and headers of a signed callback, as the gateway posts them (and retries them, byte for byte). */
export function signedCallback(event: SandboxEvent): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      [SIGNATURE_HEADER]: signPayload(secrets.paymentWebhook, body),
    },
  };
}

/**
 * Notifies the site server-to-server, as a real gateway does. A failure is only logged: the return redirect and
 * the reconciler both ask the gateway for the session's status, so a lost callback loses no donation.
 */
export async function sendCallback(
  session: SandboxSession,
  news: SandboxNews = "outcome",
  url = `${env.APP_URL}/api/payments/callback`,
): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      ...signedCallback(eventFor(session, news)),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok)
      logger.warn("sandbox.callback_refused", { sessionId: session.id, news, status: response.status });
    return response.ok;
  } catch (error) {
    logger.warn("sandbox.callback_failed", { sessionId: session.id, news, error });
    return false;
  }
}

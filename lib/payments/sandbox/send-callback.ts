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

export function eventFor(session: SandboxSession, now = new Date()): SandboxEvent {
  if (session.status === "open") throw new Error(`sandbox session ${session.id} has no outcome yet`);
  return {
    id: `evt_${randomBytes(12).toString("base64url")}`,
    type: TYPE_BY_STATUS[session.status],
    sessionId: session.id,
    amount: session.amount,
    currency: session.currency,
    created: Math.floor(now.getTime() / 1000),
  };
}

/**
 * Notifies the site server-to-server, as a real gateway does. A failure is only logged: the return redirect and
 * the reconciler both ask the gateway for the session's status, so a lost callback loses no donation.
 */
export async function sendCallback(session: SandboxSession): Promise<boolean> {
  const body = JSON.stringify(eventFor(session));
  try {
    const response = await fetch(`${env.APP_URL}/api/payments/callback`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        [SIGNATURE_HEADER]: signPayload(secrets.paymentWebhook, body),
      },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok)
      logger.warn("sandbox.callback_refused", { sessionId: session.id, status: response.status });
    return response.ok;
  } catch (error) {
    logger.warn("sandbox.callback_failed", { sessionId: session.id, error });
    return false;
  }
}

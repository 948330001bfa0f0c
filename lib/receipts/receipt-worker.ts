import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { SendMail } from "@/lib/mail/mail-transport";
import { logger } from "@/lib/observability/logger";
import { claimDueReceipts, recordFailure, recordSent, type ClaimedReceipt } from "./receipt-outbox";
import { renderReceipt } from "./render-receipt";

export interface RunSummary {
  sent: number;
  retrying: number;
  failed: number;
}

export interface ReceiptWorkerOptions {
  db: Db;
  send: SendMail;
  /** Unique per worker; a lease names its owner. */
  owner?: string;
  batchSize?: number;
  now?: () => Date;
}

async function sendOne(
  options: Required<ReceiptWorkerOptions>,
  receipt: ClaimedReceipt,
): Promise<keyof RunSummary> {
  const { db, send, owner, now } = options;
  try {
    const donation = await db.donation.findUniqueOrThrow({
      where: { id: receipt.donationId },
      select: {
        id: true,
        amount: true,
        fee: true,
        currency: true,
        locale: true,
        anonymous: true,
        donorEmail: true,
        completedAt: true,
      },
    });
    const rendered = await renderReceipt({ ...donation, completedAt: donation.completedAt ?? now() });
    await send({ to: donation.donorEmail!, messageId: receipt.messageId, ...rendered });
  } catch (error) {
    const outcome = await recordFailure(db, receipt, owner, (error as Error).message, now());
    logger.warn("receipt.send_failed", {
      receipt: receipt.id,
      attempts: receipt.attempts,
      outcome,
      error: (error as Error).message,
    });
    return outcome === "failed" ? "failed" : "retrying";
  }
  // A crash here, after the server accepted the message and before this line records it, is the one way a receipt
  // goes out twice: the lease expires and another worker sends it again, with the same Message-ID.
  if (!(await recordSent(db, receipt, owner, now()))) {
    logger.warn("receipt.lease_lost", { receipt: receipt.id });
  }
  return "sent";
}

/** Sends every receipt due now, batch after batch, and says what happened. */
export async function sendDueReceipts(options: ReceiptWorkerOptions): Promise<RunSummary> {
  const full: Required<ReceiptWorkerOptions> = {
    owner: `worker-${randomUUID()}`,
    batchSize: 5,
    now: () => new Date(),
    ...options,
  };
  const summary: RunSummary = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDueReceipts(full.db, full.owner, full.batchSize, full.now());
    if (claimed.length === 0) return summary;
    for (const receipt of claimed) summary[await sendOne(full, receipt)] += 1;
  }
}

/**
 * Polls the outbox until `signal` aborts. Several processes may each run one: claims never overlap. An error
 * (the database is down) is logged and the loop carries on at the next poll.
 */
export async function runReceiptWorker(
  options: ReceiptWorkerOptions & { signal: AbortSignal; pollMs?: number },
): Promise<void> {
  const { signal, pollMs = 2_000, ...rest } = options;
  const owner = rest.owner ?? `worker-${randomUUID()}`;
  while (!signal.aborted) {
    try {
      const summary = await sendDueReceipts({ ...rest, owner });
      if (summary.sent + summary.retrying + summary.failed > 0) logger.info("receipt.batch", { ...summary });
    } catch (error) {
      logger.error("receipt.worker_error", { error });
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
}

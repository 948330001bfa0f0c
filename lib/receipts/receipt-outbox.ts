import "server-only";
import type { Db } from "@/lib/db/client";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry-backoff";

/** How long a worker owns a claimed receipt; longer than a whole batch of sends may take (see lib/mail/mail-transport.ts). */
export const LEASE_MS = 300_000;

export interface ClaimedReceipt {
  id: string;
  donationId: string;
  messageId: string;
  attempts: number;
}

/**
 * Takes up to `limit` due receipts for `owner`. SKIP LOCKED lets two workers claim at the same moment without
 * waiting on or taking each other's rows, and the lease keeps a row away from every other worker until it expires,
 * which happens only if its owner died (or hung past the send timeouts) before recording the outcome.
 */
export async function claimDueReceipts(db: Db, owner: string, limit: number, now = new Date()) {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return db.$queryRaw<ClaimedReceipt[]>`
    UPDATE receipt_outbox AS o
    SET lease_owner = ${owner}, lease_until = ${leaseUntil}, attempts = o.attempts + 1
    FROM (
      SELECT id FROM receipt_outbox
      WHERE status = 'pending' AND next_attempt_at <= ${now} AND (lease_until IS NULL OR lease_until <= ${now})
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE o.id = due.id
    RETURNING o.id, o.donation_id AS "donationId", o.message_id AS "messageId", o.attempts`;
}

/** Returns false when the lease was lost meanwhile (nothing is recorded then: the new owner decides). */
export async function recordSent(db: Db, receipt: ClaimedReceipt, owner: string, now = new Date()) {
  const count = await db.$executeRaw`
    UPDATE receipt_outbox
    SET status = 'sent', sent_at = ${now}, last_error = NULL, lease_owner = NULL, lease_until = NULL
    WHERE id = ${receipt.id} AND lease_owner = ${owner} AND status = 'pending'`;
  return count === 1;
}

/** Schedules the next attempt, or gives up after the last one. */
export async function recordFailure(
  db: Db,
  receipt: ClaimedReceipt,
  owner: string,
  error: string,
  now = new Date(),
): Promise<"retry" | "failed" | "lost"> {
  const giveUp = receipt.attempts >= MAX_ATTEMPTS;
  const next = new Date(now.getTime() + retryDelayMs(receipt.attempts));
  const count = await db.$executeRaw`
    UPDATE receipt_outbox
    SET status = ${giveUp ? "failed" : "pending"}, next_attempt_at = ${next}, last_error = ${error.slice(0, 500)},
        lease_owner = NULL, lease_until = NULL
    WHERE id = ${receipt.id} AND lease_owner = ${owner} AND status = 'pending'`;
  return count === 0 ? "lost" : giveUp ? "failed" : "retry";
}

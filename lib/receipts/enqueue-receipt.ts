import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

/** The Message-ID every send of one donation's receipt carries. */
export function receiptMessageId(donationId: string): string {
  return `<receipt.${donationId}@${new URL(env.APP_URL).hostname}>`;
}

/**
 * Records that a donation's receipt is owed, as SQL for the statement that marks it succeeded
 * (transitionDonation): the receipt exists if and only if the success does. `source` yields the donation's row,
 * with its donor_email, when it moved (none otherwise); only donors who gave an email get a receipt, and a
 * second success for the same donation changes nothing.
 */
export function receiptOwedSql(donationId: string, now: Date, source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO receipt_outbox (id, donation_id, message_id, next_attempt_at, created_at)
    SELECT ${randomUUID()}::text, ${donationId}::text, ${receiptMessageId(donationId)}::text, ${now}::timestamptz,
      ${now}::timestamptz
    ${source} WHERE donor_email IS NOT NULL
    ON CONFLICT (donation_id) DO NOTHING`;
}

/**
 * A gift given back whole before its receipt went out gets none: the receipt would thank the donor for money the
 * charity no longer holds. A receipt a worker holds under its lease may still go out; one already sent stays sent.
 */
export async function withdrawReceipt(tx: Prisma.TransactionClient, donationId: string) {
  await tx.$executeRaw`
    DELETE FROM receipt_outbox
    WHERE donation_id = ${donationId} AND status = 'pending' AND (lease_until IS NULL OR lease_until < now())`;
}

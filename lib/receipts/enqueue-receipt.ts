import "server-only";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

const messageIdHost = () => new URL(env.APP_URL).hostname;

/** The Message-ID every send of one donation's receipt carries. */
export function receiptMessageId(donationId: string): string {
  return `<receipt.${donationId}@${messageIdHost()}>`;
}

/** receiptMessageId in SQL, for a statement that finds its donations itself. */
export function receiptMessageIdSql(donationId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`'<receipt.' || ${donationId} || ${`@${messageIdHost()}>`}::text`;
}

/**
 * Records that receipts are owed, as SQL for the statement that marks their donations succeeded
 * (transitionRecordingNotice): a receipt exists if and only if the success does. `owed` yields (donation_id,
 * message_id, at) for each donation that moved and has a donor email (only donors who gave one get a receipt); a
 * second success for the same donation changes nothing.
 */
export function receiptsOwedSql(owed: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO receipt_outbox (id, donation_id, message_id, next_attempt_at, created_at)
    SELECT gen_random_uuid()::text, owed.donation_id, owed.message_id, owed.at, owed.at
    FROM (${owed}) AS owed (donation_id, message_id, at)
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

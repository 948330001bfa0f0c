import { env } from "@/lib/env";
import type { Donation, Prisma } from "@/lib/generated/prisma/client";
import { chargedAmount } from "./charged-amount";

export type SettledDonation = Pick<Donation, "id" | "campaign" | "currency" | "amount" | "fee" | "gateway">;

/** A callback that brought news, stored for deduplication and audit. */
export interface GatewayNotice {
  eventId: string;
  type: string;
  payload: unknown;
}

/** What the gateway says the payment charged. */
export interface ReportedMoney {
  amount: number;
  currency: string;
}

// A launch-day burst queues transactions behind the connection pool: they wait for a connection as long as any
// query would (DATABASE_CONNECT_TIMEOUT_MS), then give up as a 503 the gateway retries, rather than hang.
export const settleTransactionOptions = {
  maxWait: env.DATABASE_CONNECT_TIMEOUT_MS,
  timeout: env.DATABASE_STATEMENT_TIMEOUT_MS * 2,
};

/** The gateway reports what it charged: the gift plus any fee the donor covered. */
export function sameMoney(donation: SettledDonation, reported: ReportedMoney | undefined): boolean {
  return (
    !reported || (reported.amount === chargedAmount(donation) && reported.currency === donation.currency)
  );
}

/**
 * Stores a notice with the outcome expected of it; false when the gateway already delivered it (the unique
 * (gateway, event id)), in which case the caller changes nothing. Written first and corrected by setOutcome in the
 * rare case it changes nothing, so that the running total stays the transaction's last write.
 */
export async function recordNotice(
  tx: Prisma.TransactionClient,
  donation: SettledDonation,
  notice: GatewayNotice,
  outcome: string,
): Promise<boolean> {
  const { count } = await tx.paymentEvent.createMany({
    data: {
      gateway: donation.gateway,
      gatewayEventId: notice.eventId,
      type: notice.type,
      donationId: donation.id,
      payload: notice.payload as Prisma.InputJsonValue,
      outcome,
    },
    skipDuplicates: true,
  });
  return count === 1;
}

export async function setOutcome(
  tx: Prisma.TransactionClient,
  donation: SettledDonation,
  notice: GatewayNotice,
  outcome: string,
): Promise<void> {
  await tx.paymentEvent.update({
    where: { gateway_gatewayEventId: { gateway: donation.gateway, gatewayEventId: notice.eventId } },
    data: { outcome },
  });
}

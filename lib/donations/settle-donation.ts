import { ApiError } from "@/lib/api/errors";
import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { getDb } from "@/lib/db/client";
import type { Donation, DonationStatus, Prisma } from "@/lib/generated/prisma/client";
import { revalidateTotalsSoon } from "./revalidate-totals";
import { transitionDonation } from "./transition-donation";

export type SettleResult = "changed" | "unchanged" | "duplicate";

export interface Settlement {
  donation: Pick<Donation, "id" | "campaign" | "currency" | "amount" | "gateway">;
  to: Exclude<DonationStatus, "pending">;
  /** What the gateway says was paid; absent only when expiring a donation the gateway never saw. */
  reported?: { amount: number; currency: string };
  /** The callback that brought this news, stored for deduplication and audit. */
  event?: { eventId: string; type: string; payload: unknown };
}

// A launch-day burst queues many transactions behind a small connection pool; waiting is better than failing.
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 20_000 };

function assertSameMoney({ donation, reported, event }: Settlement): void {
  if (!reported) return;
  if (reported.amount === donation.amount && reported.currency === donation.currency) return;
  // Never applied: either someone is forging events with a valid key, or our checkout creation has a bug. Either
  // needs a person, so it is reported like a crash (log line and Sentry) although the caller gets a clean 422.
  const mismatch = new ApiError(
    "payment_mismatch",
    "the gateway reports other money than the donation holds",
  );
  reportUnexpectedError(mismatch, {
    donationId: donation.id,
    eventId: event?.eventId ?? "status-check",
    expected: { amount: donation.amount, currency: donation.currency },
    reported,
  });
  throw mismatch;
}

/**
 * Applies what the gateway told us (by callback, on the donor's return, or to the reconciler): the same path for
 * all three, so whichever arrives first wins and the others change nothing. A callback's event row is written in
 * the same transaction, and the unique (gateway, event id) makes a replayed event a no-op.
 */
export async function settleDonation(settlement: Settlement): Promise<SettleResult> {
  assertSameMoney(settlement);
  const { donation, to, event } = settlement;
  const result = await getDb().$transaction(async (tx): Promise<SettleResult> => {
    if (event) {
      const { count } = await tx.paymentEvent.createMany({
        data: {
          gateway: donation.gateway,
          gatewayEventId: event.eventId,
          type: event.type,
          donationId: donation.id,
          payload: event.payload as Prisma.InputJsonValue,
          outcome: "received",
        },
        skipDuplicates: true,
      });
      if (count === 0) return "duplicate";
    }
    const changed = await transitionDonation(tx, donation, to);
    if (event) {
      await tx.paymentEvent.update({
        where: { gateway_gatewayEventId: { gateway: donation.gateway, gatewayEventId: event.eventId } },
        data: { outcome: changed ? `applied:${to}` : "ignored:already-final" },
      });
    }
    return changed ? "changed" : "unchanged";
  }, TRANSACTION_OPTIONS);
  if (result === "changed" && to === "succeeded") revalidateTotalsSoon();
  return result;
}

import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { env } from "@/lib/env";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { isGatewayRefusal } from "@/lib/resilience/checkout-admission";
import { confirmWithGateway } from "./confirm-with-gateway";
import { withReconcileLock } from "./reconcile-lock";
import { duePendingDonations, postponeCheck } from "./reconcile-schedule";

/** `deferred`: left for the next run because the gateway's breaker or rate cap refused the status check. */
export type ReconcileSummary = Partial<Record<DonationStatus, number>> & {
  checked: number;
  errors: number;
  deferred: number;
};

/**
 * Nothing a donor started may stay pending for ever: donations older than the configured age are settled from
 * the gateway's own answer (paid, declined, cancelled, expired), or expired if the gateway never saw them. In
 * bounded batches of the donations due (reconcile-schedule.ts): one the gateway still calls pending is asked again
 * after a growing pause, so stuck donations cannot fill every batch. A donation in needs_review is not pending and
 * is never asked again. Never two runs at once (the reconcile lock), and every status check goes through the
 * gateway's breaker and rate cap, so a run cannot take the capacity donors need to start checkouts.
 */
export async function reconcilePending({
  olderThanMinutes = env.RECONCILE_PENDING_AGE_MINUTES,
  limit = 200,
}: { olderThanMinutes?: number; limit?: number } = {}): Promise<ReconcileSummary> {
  return withReconcileLock(async () => {
    const donations = await duePendingDonations(olderThanMinutes, limit);
    const summary: ReconcileSummary = {
      checked: donations.length,
      pending: 0,
      succeeded: 0,
      failed: 0,
      cancelled: 0,
      expired: 0,
      needs_review: 0,
      errors: 0,
      deferred: 0,
    };
    for (const [index, donation] of donations.entries()) {
      try {
        const status = await confirmWithGateway(donation, { expireIfUnknown: true });
        summary[status] = (summary[status] ?? 0) + 1;
        if (status === "pending") await postponeCheck(donation.id);
      } catch (error) {
        if (isGatewayRefusal(error)) {
          // The gateway is failing or at its cap: stop asking, the next run picks these up.
          summary.deferred = donations.length - index;
          break;
        }
        // One donation the gateway cannot answer for must not stop the others.
        summary.errors += 1;
        reportUnexpectedError(error, { donationId: donation.id, during: "reconcile" });
        // Nor come first again in every run until it can.
        await postponeCheck(donation.id);
      }
    }
    return summary;
  });
}

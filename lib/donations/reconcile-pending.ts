import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { isGatewayRefusal } from "@/lib/resilience/checkout-admission";
import { confirmWithGateway } from "./confirm-with-gateway";
import { withReconcileLock } from "./reconcile-lock";

/** `deferred`: left for the next run because the gateway's breaker or rate cap refused the status check. */
export type ReconcileSummary = Partial<Record<DonationStatus, number>> & {
  checked: number;
  errors: number;
  deferred: number;
};

/**
 * Nothing a donor started may stay pending for ever: donations older than the configured age are settled from
 * the gateway's own answer (paid, declined, cancelled, expired), or expired if the gateway never saw them.
 * Oldest first, in bounded batches, so a scheduler can call it often without a long-running request. Never two
 * runs at once (the reconcile lock), and every status check goes through the gateway's breaker and rate cap, so a
 * run cannot take the capacity donors need to start checkouts.
 */
export async function reconcilePending({
  olderThanMinutes = env.RECONCILE_PENDING_AGE_MINUTES,
  limit = 200,
  now = new Date(),
}: { olderThanMinutes?: number; limit?: number; now?: Date } = {}): Promise<ReconcileSummary> {
  return withReconcileLock(async () => {
    const donations = await getDb().donation.findMany({
      where: { status: "pending", createdAt: { lt: new Date(now.getTime() - olderThanMinutes * 60_000) } },
      orderBy: { createdAt: "asc" },
      take: limit,
    });
    const summary: ReconcileSummary = {
      checked: donations.length,
      pending: 0,
      succeeded: 0,
      failed: 0,
      cancelled: 0,
      expired: 0,
      errors: 0,
      deferred: 0,
    };
    for (const [index, donation] of donations.entries()) {
      try {
        const { status } = await confirmWithGateway(donation, { expireIfUnknown: true });
        summary[status] = (summary[status] ?? 0) + 1;
      } catch (error) {
        if (isGatewayRefusal(error)) {
          // The gateway is failing or at its cap: stop asking, the next run picks these up.
          summary.deferred = donations.length - index;
          break;
        }
        // One donation the gateway cannot answer for must not stop the others.
        summary.errors += 1;
        reportUnexpectedError(error, { donationId: donation.id, during: "reconcile" });
      }
    }
    return summary;
  });
}

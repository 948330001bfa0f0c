import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { confirmWithGateway } from "./confirm-with-gateway";

export type ReconcileSummary = Record<DonationStatus | "errors", number> & { checked: number };

/**
 * Nothing a donor started may stay pending for ever: donations older than the configured age are settled from
 * the gateway's own answer (paid, declined, cancelled, expired), or expired if the gateway never saw them.
 * Oldest first, in bounded batches, so a scheduler can call it often without a long-running request.
 */
export async function reconcilePending({
  olderThanMinutes = env.RECONCILE_PENDING_AGE_MINUTES,
  limit = 200,
  now = new Date(),
}: { olderThanMinutes?: number; limit?: number; now?: Date } = {}): Promise<ReconcileSummary> {
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
  };
  for (const donation of donations) {
    try {
      summary[await confirmWithGateway(donation, { expireIfUnknown: true })] += 1;
    } catch (error) {
      // One donation the gateway cannot answer for must not stop the others.
      summary.errors += 1;
      reportUnexpectedError(error, { donationId: donation.id, during: "reconcile" });
    }
  }
  return summary;
}

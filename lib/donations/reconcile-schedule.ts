import { getDb } from "@/lib/db/client";
import type { Donation } from "@/lib/generated/prisma/client";

// Minutes before asking again about a donation the gateway still calls pending: 1, 2, 4 … doubling to an hour.
export const MAX_RECHECK_MINUTES = 60;

/**
 * The pending donations due for a status check, older than `olderThanMinutes` by the database's clock (the one
 * every created_at was written with; an app host's clock may be off). Never-checked donations first, oldest
 * first, then the rest by when they fell due: a donation the gateway keeps calling pending waits its backoff
 * instead of taking a place in every run, so however many are stuck, newer ones are reached.
 */
export async function duePendingDonations(olderThanMinutes: number, limit: number): Promise<Donation[]> {
  const due = await getDb().$queryRaw<{ id: string }[]>`
    SELECT id FROM donations
    WHERE status = 'pending'
      AND created_at < now() - make_interval(secs => ${olderThanMinutes * 60}::double precision)
      AND (next_check_at IS NULL OR next_check_at <= now())
    ORDER BY next_check_at NULLS FIRST, created_at, id
    LIMIT ${limit}`;
  const ids = due.map((row) => row.id);
  const rows = await getDb().donation.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The gateway still calls it pending (or could not answer for it): ask again after the next backoff step. */
export async function postponeCheck(donationId: string): Promise<void> {
  await getDb().$executeRaw`
    UPDATE donations SET
      next_check_at = now() + make_interval(mins => LEAST(${MAX_RECHECK_MINUTES}, power(2, LEAST(reconcile_checks, 10))::int)),
      reconcile_checks = reconcile_checks + 1
    WHERE id = ${donationId} AND status = 'pending'`;
}

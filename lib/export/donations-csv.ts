import "server-only";
import type { Db } from "@/lib/db/client";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { csvLine } from "./csv";

export interface ExportFilter {
  /** Donations created from this instant (inclusive)… */
  from: Date;
  /** …up to this instant (exclusive). */
  to: Date;
  status?: DonationStatus;
}

export const EXPORT_COLUMNS = [
  "id",
  "created_at",
  "completed_at",
  "status",
  "amount",
  "fee",
  "charged",
  // The part of the gift given back (refunds, a lost dispute), and what the running total counts of the row.
  "refunded",
  "counted",
  "currency",
  "gateway",
  "gateway_reference",
  "locale",
  "anonymous",
  "donor_name",
  "donor_email",
  "message",
] as const;

interface ExportRow {
  id: string;
  created_at: Date;
  completed_at: Date | null;
  status: DonationStatus;
  amount: number;
  fee: number;
  refunded_amount: number;
  counted: number;
  currency: string;
  gateway: string;
  gateway_session_id: string | null;
  locale: string;
  anonymous: boolean;
  donor_name: string | null;
  donor_email: string | null;
  message: string | null;
}

/**
 * The CSV lines of every donation in the filter, oldest first, read in batches by keyset (created_at, id): memory
 * stays at one batch whatever the number of rows, and no batch is skipped or repeated while donations keep
 * arriving. Anonymous donors' name and email are not even selected. The `counted` column adds up to the running
 * total: the gift less what was given back, on the donations the total counts (succeeded, partially_refunded).
 */
export async function* donationsCsv(db: Db, filter: ExportFilter, batchSize = 1_000): AsyncGenerator<string> {
  yield csvLine(EXPORT_COLUMNS);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: { createdAt: Date; id: string } = after ?? { createdAt: new Date(0), id: "" };
    const rows: ExportRow[] = await db.$queryRaw<ExportRow[]>`
      SELECT id, created_at, completed_at, status, amount, fee, refunded_amount,
             CASE WHEN status IN ('succeeded', 'partially_refunded') THEN amount - refunded_amount ELSE 0 END
               AS counted,
             currency, gateway, gateway_session_id, locale, anonymous,
             CASE WHEN anonymous THEN NULL ELSE donor_name END AS donor_name,
             CASE WHEN anonymous THEN NULL ELSE donor_email END AS donor_email,
             message
      FROM donations
      WHERE created_at >= ${filter.from} AND created_at < ${filter.to}
        AND (${filter.status ?? null}::text IS NULL OR status::text = ${filter.status ?? null}::text)
        AND (created_at, id) > (${cursor.createdAt}, ${cursor.id})
      ORDER BY created_at, id
      LIMIT ${batchSize}`;
    for (const row of rows) {
      yield csvLine([
        row.id,
        row.created_at.toISOString(),
        row.completed_at?.toISOString(),
        row.status,
        row.amount,
        row.fee,
        row.amount + row.fee,
        row.refunded_amount,
        row.counted,
        row.currency,
        row.gateway,
        row.gateway_session_id,
        row.locale,
        row.anonymous,
        row.donor_name,
        row.donor_email,
        row.message,
      ]);
    }
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    after = { createdAt: last.created_at, id: last.id };
  }
}

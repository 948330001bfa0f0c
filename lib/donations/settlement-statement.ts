import { stripeSql, totalsUpsertSql } from "@/lib/campaign/running-total";
import { selectBatchRows } from "@/lib/db/batch-rows";
import { batchedStatement, type BatchedStatement } from "@/lib/db/batched-statement";
import { getSql, queryRows, type Queryable, type Sql } from "@/lib/db/client";
import { Prisma, type DonationStatus } from "@/lib/generated/prisma/client";
import { receiptMessageIdSql, receiptsOwedSql } from "@/lib/receipts/enqueue-receipt";

// The settlement statement: status changes, with everything that goes with them (the gateway's notice, the receipt
// owed, the running total), for many donations at once, atomic by itself. So a callback needs no transaction of its
// own and holds its row locks for one round trip, and concurrent callbacks share that round trip and its commit
// (lib/db/batched-statement.ts). Two ways in: by donation (a return, the reconciler, an expiry: the caller has the
// donation) and by the gateway's session (a callback: one round trip, the lookup folded in).

/** One transition, as the statement applies it. */
export interface SettlementRow {
  donation_id: string;
  to_status: DonationStatus;
  /** The statuses it may leave (transition-donation.ts, ALLOWED_FROM). */
  allowed: DonationStatus[];
  counts: boolean;
  at: Date;
  campaign: string;
  currency: string;
  amount: number;
  stripe: number;
  message_id: string;
  gateway: string | null;
  event_id: string | null;
  event_type: string | null;
  payload: unknown;
  outcome_moved: string | null;
  outcome_unmoved: string | null;
}

export interface Transition {
  /** The status the donation left, or null when nothing changed. */
  from: DonationStatus | null;
  /** False when the notice had been delivered before: then nothing changed. True when no notice was given. */
  recorded: boolean;
}

interface StatementRow {
  found: boolean;
  donation_id: string | null;
  campaign: string | null;
  currency: string | null;
  amount: number | null;
  fee: number | null;
  matches: boolean | null;
  to_status: DonationStatus | null;
  from: DonationStatus | null;
  recorded: boolean;
}

const COLUMNS = Prisma.sql`donation_id text, to_status text, allowed text[], counts boolean, at timestamptz,
  campaign text, currency text, amount int, stripe int, message_id text, gateway text, event_id text, event_type text,
  payload jsonb, outcome_moved text, outcome_unmoved text`;

/**
 * `requested` yields the callers' rows, numbered by idx; `input` the transitions they resolve to, one per donation
 * (the batcher's key: one statement cannot apply two changes to one row in order), with every SettlementRow column
 * and the donation's fee and whether the reported money matched. A row of `requested` with none in `input` is a
 * donation not found.
 */
function settlementSql(requested: Prisma.Sql, input: Prisma.Sql): Prisma.Sql {
  // Every data-modifying part runs, whether the result reads it or not; the ones that must not run without a move
  // take their rows from moved.
  return Prisma.sql`
    WITH requested AS (${requested}), input AS (${input}), old AS (
      -- Locked in the same statement: the status read is the one replaced, whoever else is settling it; in id
      -- order, so two statements settling overlapping donations never wait on each other in a circle. NO KEY
      -- UPDATE, as a plain UPDATE takes: a payment event's foreign key holds a key-share lock on this row, and FOR
      -- UPDATE would wait on every other settlement's. A later statement's concurrent copy of the same notice waits
      -- on this lock, then finds the status already moved; its event insert then meets the first one's row, and
      -- it reports a duplicate.
      SELECT d.id, d.status, input.idx FROM donations d JOIN input ON input.donation_id = d.id
      WHERE input.event_id IS NULL OR NOT EXISTS (SELECT 1 FROM payment_events e
        WHERE e.gateway = input.gateway AND e.gateway_event_id = input.event_id)
      ORDER BY d.id
      FOR NO KEY UPDATE OF d
    ), moved AS (
      UPDATE donations d SET status = input.to_status::donation_status, completed_at = input.at,
        updated_at = input.at,
        -- A donation that ended without ever getting a checkout frees its Idempotency-Key: the donor's retry
        -- starts afresh instead of being told "in progress" for ever. (A success always had a checkout.)
        idempotency_key = CASE WHEN NOT input.counts AND d.checkout_url IS NULL THEN NULL ELSE d.idempotency_key END
      FROM old JOIN input ON input.idx = old.idx
      WHERE d.id = old.id AND old.status::text = ANY(input.allowed)
      RETURNING old.idx, old.status::text AS "from", d.donor_email
    ), receipt AS (
      ${receiptsOwedSql(Prisma.sql`SELECT input.donation_id, input.message_id, input.at
        FROM moved JOIN input ON input.idx = moved.idx WHERE input.counts AND moved.donor_email IS NOT NULL`)}
    ), total AS (
      ${totalsUpsertSql(Prisma.sql`SELECT input.campaign, input.currency, input.stripe, sum(input.amount)::bigint,
          count(*)::int, max(input.at)
        FROM moved JOIN input ON input.idx = moved.idx WHERE input.counts
        GROUP BY input.campaign, input.currency, input.stripe ORDER BY input.campaign, input.currency, input.stripe`)}
    ), event AS (
      INSERT INTO payment_events (id, gateway, gateway_event_id, type, donation_id, payload, outcome)
      SELECT gen_random_uuid()::text, input.gateway, input.event_id, input.event_type, input.donation_id,
        input.payload, CASE WHEN moved.idx IS NULL THEN input.outcome_unmoved ELSE input.outcome_moved END
      FROM input LEFT JOIN moved ON moved.idx = input.idx WHERE input.event_id IS NOT NULL
      ON CONFLICT (gateway, gateway_event_id) DO NOTHING
      RETURNING gateway, gateway_event_id
    )
    SELECT input.idx IS NOT NULL AS found, input.donation_id, input.campaign, input.currency, input.amount,
      input.fee, input.matches, input.to_status, moved."from",
      input.idx IS NOT NULL AND (input.event_id IS NULL OR EXISTS (SELECT 1 FROM event
        WHERE event.gateway = input.gateway AND event.gateway_event_id = input.event_id)) AS recorded
    FROM requested LEFT JOIN input ON input.idx = requested.idx LEFT JOIN moved ON moved.idx = requested.idx
    ORDER BY requested.idx`;
}

const numbered = <T extends object>(rows: T[]) => rows.map((row, idx) => ({ idx, ...row }));

/** Settles donations the callers hold (their id, campaign, currency and amount), in `db`: a transaction, or not. */
export async function settleById(db: Queryable, rows: SettlementRow[]): Promise<Transition[]> {
  const requested = selectBatchRows(numbered(rows), Prisma.sql`idx int, ${COLUMNS}`);
  const input = Prisma.sql`SELECT requested.*, NULL::int AS fee, true AS matches FROM requested`;
  const results = await queryRows<StatementRow>(db, settlementSql(requested, input));
  return results.map(({ from, recorded }) => ({ from, recorded }));
}

// Settlements on the shared connections are batched with other callers' (lib/db/batched-statement.ts). One batcher
// per set of connections, so one closed by disconnectDb takes its batcher with it.
const byIdBatchers = new WeakMap<Sql, BatchedStatement<SettlementRow, Transition>>();

export function settleByIdOn(sql: Sql): BatchedStatement<SettlementRow, Transition> {
  let batcher = byIdBatchers.get(sql);
  if (!batcher) {
    batcher = batchedStatement({
      name: "settle donations",
      run: (rows) => settleById(sql, rows),
      key: (row) => row.donation_id,
    });
    byIdBatchers.set(sql, batcher);
  }
  return batcher;
}

/** A gateway's report of a payment's outcome, by its session: a callback. */
export interface ReportedOutcome {
  gateway: string;
  sessionId: string;
  outcome: "succeeded" | "failed" | "cancelled" | "expired";
  /** The statuses the reported outcome may leave, and those needs_review may (when the money does not match). */
  allowed: DonationStatus[];
  allowedForReview: DonationStatus[];
  reported: { amount: number; currency: string };
  event: { eventId: string; type: string; payload: unknown };
  at: Date;
}

export type ReportedSettlement =
  | { found: false }
  | {
      found: true;
      donation: {
        id: string;
        campaign: string;
        currency: string;
        amount: number;
        fee: number;
        gateway: string;
      };
      /** The reported money is what the donation charges (its amount and fee, its currency). */
      matches: boolean;
      to: DonationStatus;
      transition: Transition;
    };

/**
 * Settles payments by the gateway's session, finding each donation in the same statement: the report moves it to
 * the reported outcome when the money matches what the donation charges, to needs_review when it does not. What
 * settle-donation.ts decides for a donation it holds, decided here in SQL, so a callback is one round trip.
 */
export async function settleReported(sql: Sql, reports: ReportedOutcome[]): Promise<ReportedSettlement[]> {
  const requested = selectBatchRows(
    numbered(
      reports.map((report) => ({
        gateway: report.gateway,
        session_id: report.sessionId,
        outcome: report.outcome,
        allowed: report.allowed,
        allowed_for_review: report.allowedForReview,
        reported_amount: report.reported.amount,
        reported_currency: report.reported.currency,
        event_id: report.event.eventId,
        event_type: report.event.type,
        payload: report.event.payload,
        at: report.at,
      })),
    ),
    Prisma.sql`idx int, gateway text, session_id text, outcome text, allowed text[], allowed_for_review text[],
      reported_amount int, reported_currency text, event_id text, event_type text, payload jsonb, at timestamptz`,
  );
  // chargedAmount (the gift and the covered fee), the stripe (stripeOf) and the receipt's Message-ID
  // (receiptMessageId), in SQL.
  const input = Prisma.sql`
    SELECT requested.idx, d.id AS donation_id, target.to_status,
      CASE WHEN target.matches THEN requested.allowed ELSE requested.allowed_for_review END AS allowed,
      target.to_status = 'succeeded' AS counts, requested.at, d.campaign, d.currency, d.amount,
      ${stripeSql(Prisma.sql`d.id`)} AS stripe, ${receiptMessageIdSql(Prisma.sql`d.id`)} AS message_id,
      requested.gateway, requested.event_id, requested.event_type, requested.payload,
      'applied:' || target.to_status AS outcome_moved,
      CASE WHEN target.matches THEN 'ignored:already-final' ELSE 'ignored:mismatch' END AS outcome_unmoved,
      d.fee, target.matches
    FROM requested
    JOIN donations d ON d.gateway = requested.gateway AND d.gateway_session_id = requested.session_id
    CROSS JOIN LATERAL (
      SELECT matches, CASE WHEN matches THEN requested.outcome ELSE 'needs_review' END AS to_status
      FROM (SELECT requested.reported_amount = d.amount + d.fee AND requested.reported_currency = d.currency
        AS matches) AS money
    ) AS target`;
  const results = await queryRows<StatementRow>(sql, settlementSql(requested, input));
  return results.map((row, index) =>
    row.found
      ? {
          found: true,
          donation: {
            id: row.donation_id!,
            campaign: row.campaign!,
            currency: row.currency!,
            amount: row.amount!,
            fee: row.fee!,
            gateway: reports[index].gateway,
          },
          matches: row.matches!,
          to: row.to_status!,
          transition: { from: row.from, recorded: row.recorded },
        }
      : { found: false },
  );
}

/** Callbacks' settlements, batched; one session (so one donation) per batch. */
export const settleReportedPayment = batchedStatement<ReportedOutcome, ReportedSettlement>({
  name: "settle reported payments",
  run: (reports) => settleReported(getSql(), reports),
  key: (report) => `${report.gateway}\n${report.sessionId}`,
});

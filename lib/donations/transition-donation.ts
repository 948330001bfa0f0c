import { addToTotals, stripeOf, totalsUpsertSql } from "@/lib/campaign/running-total";
import { batchedStatement, type BatchedStatement } from "@/lib/db/batched-statement";
import { queryRows, type Queryable, type Sql } from "@/lib/db/client";
import { receiptMessageId, receiptsOwedSql, withdrawReceipt } from "@/lib/receipts/enqueue-receipt";
import { Prisma, type DonationStatus } from "@/lib/generated/prisma/client";

// Statuses a success may still arrive from: we gave up on the donation (declined, cancelled, expired), but the
// gateway took the money after all. Only the gateway's own word (a callback or a status check) may do this.
export const LATE_SUCCESS_FROM = ["failed", "cancelled", "expired"] as const satisfies DonationStatus[];

// The statuses each status may be entered from. A success is never un-counted by a failure or a cancellation; it
// leaves only as money given back (refunded, partially_refunded), and a refunded gift is final. needs_review holds
// a donation the gateway reported other money for, before it ever counted; only a person moves it on.
export const ALLOWED_FROM: Record<DonationStatus, readonly DonationStatus[]> = {
  pending: [],
  succeeded: ["pending", ...LATE_SUCCESS_FROM],
  failed: ["pending"],
  cancelled: ["pending"],
  expired: ["pending"],
  // A second partial refund changes the amount given back, not the status.
  partially_refunded: ["succeeded", "partially_refunded"],
  refunded: ["succeeded", "partially_refunded"],
  needs_review: ["pending", ...LATE_SUCCESS_FROM],
};

/** The statuses whose gift the running total counts, less what was given back. */
export const COUNTED_STATUSES = ["succeeded", "partially_refunded"] as const satisfies DonationStatus[];

export interface TransitionTarget {
  id: string;
  campaign: string;
  currency: string;
  amount: number;
}

export interface TransitionOptions {
  /** The gateway itself reported this outcome; required to count a success on a donation we had given up on. */
  gatewayReported?: boolean;
  now?: Date;
}

/** A gateway's notice recorded with the change it brings, for deduplication and audit (payment_events). */
export interface RecordedNotice {
  gateway: string;
  eventId: string;
  type: string;
  payload: unknown;
  /** The outcome stored when the donation moves, and when it does not (it was already final, say). */
  outcome: { moved: string; unmoved: string };
}

export interface Transition {
  /** The status the donation left, or null when nothing changed. */
  from: DonationStatus | null;
  /** False when the notice had been delivered before: then nothing changed. True when no notice was given. */
  recorded: boolean;
}

function allowedFrom(to: DonationStatus, gatewayReported: boolean): DonationStatus[] {
  const from = ALLOWED_FROM[to];
  if (to !== "succeeded" || gatewayReported) return [...from];
  return from.filter((status) => !(LATE_SUCCESS_FROM as readonly string[]).includes(status));
}

/** One transition as the settlement statement takes it: a row of its input. */
interface SettlementRow {
  donation_id: string;
  to_status: DonationStatus;
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

function settlementRow(
  donation: TransitionTarget,
  to: Exclude<DonationStatus, "refunded" | "partially_refunded">,
  { gatewayReported = false, now = new Date() }: TransitionOptions,
  notice?: RecordedNotice,
): SettlementRow {
  return {
    donation_id: donation.id,
    to_status: to,
    allowed: allowedFrom(to, gatewayReported),
    counts: to === "succeeded",
    at: now,
    campaign: donation.campaign,
    currency: donation.currency,
    amount: donation.amount,
    stripe: stripeOf(donation.id),
    message_id: receiptMessageId(donation.id),
    gateway: notice?.gateway ?? null,
    event_id: notice?.eventId ?? null,
    event_type: notice?.type ?? null,
    payload: notice?.payload ?? null,
    outcome_moved: notice?.outcome.moved ?? null,
    outcome_unmoved: notice?.outcome.unmoved ?? null,
  };
}

/**
 * Transitions as one statement: atomic by itself, so a callback needs no transaction of its own and holds its row
 * locks for one round trip. Each update is conditional on the donation's current status, so of two concurrent
 * callbacks only one can move it; a success also owes its receipt and moves the running total, so the total and
 * the succeeded donations cannot drift apart. With a notice, the gateway's event is recorded too, and a notice
 * delivered before changes nothing. At most one row per donation (the batcher's key): one statement cannot apply
 * two changes to one row in order.
 */
function settlementSql(rows: SettlementRow[]): Prisma.Sql {
  // Every data-modifying part runs, whether the result reads it or not; the ones that must not run without a move
  // take their rows from moved.
  return Prisma.sql`
    WITH input AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(rows.map((row, idx) => ({ idx, ...row })))}::json) AS row(
        idx int, donation_id text, to_status text, allowed text[], counts boolean, at timestamptz, campaign text,
        currency text, amount int, stripe int, message_id text, gateway text, event_id text, event_type text,
        payload jsonb, outcome_moved text, outcome_unmoved text)
    ), old AS (
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
    SELECT input.idx, moved."from",
      input.event_id IS NULL OR EXISTS (SELECT 1 FROM event
        WHERE event.gateway = input.gateway AND event.gateway_event_id = input.event_id) AS recorded
    FROM input LEFT JOIN moved ON moved.idx = input.idx
    ORDER BY input.idx`;
}

async function runSettlement(db: Queryable, rows: SettlementRow[]): Promise<Transition[]> {
  const results = await queryRows<{ from: DonationStatus | null; recorded: boolean }>(
    db,
    settlementSql(rows),
  );
  return results.map(({ from, recorded }) => ({ from, recorded }));
}

// Transitions on the shared connections are batched with other callers' (lib/db/batched-statement.ts): on launch
// night this is every callback's statement. One batcher per set of connections, so one closed by disconnectDb
// takes its batcher with it.
const batchers = new WeakMap<Sql, BatchedStatement<SettlementRow, Transition>>();

function batcherFor(sql: Sql): BatchedStatement<SettlementRow, Transition> {
  let batcher = batchers.get(sql);
  if (!batcher) {
    batcher = batchedStatement({
      name: "settle donations",
      run: (rows) => runSettlement(sql, rows),
      key: (row) => row.donation_id,
    });
    batchers.set(sql, batcher);
  }
  return batcher;
}

/**
 * The one way a donation's status changes between paying and not paying, with everything that goes with it (the
 * notice, the receipt, the running total), in one statement (settlementSql). On the shared connections it is
 * batched with other transitions; in a caller's transaction (a refund that proves a success) it runs there alone.
 * Refunds go through refundDonation below.
 */
export async function transitionRecordingNotice(
  db: Queryable,
  donation: TransitionTarget,
  to: Exclude<DonationStatus, "refunded" | "partially_refunded">,
  options: TransitionOptions = {},
  notice?: RecordedNotice,
): Promise<Transition> {
  const row = settlementRow(donation, to, options, notice);
  if ("query" in db) return batcherFor(db)(row);
  const [transition] = await runSettlement(db, [row]);
  return transition;
}

/**
 * A transition without a notice (an expiry, a failed checkout, a refund that proves a success): the status the
 * donation left, or null when nothing changed.
 */
export async function transitionDonation(
  db: Queryable,
  donation: TransitionTarget,
  to: Exclude<DonationStatus, "refunded" | "partially_refunded">,
  options: TransitionOptions = {},
): Promise<DonationStatus | null> {
  return (await transitionRecordingNotice(db, donation, to, options)).from;
}

export interface Refund {
  from: DonationStatus;
  to: "refunded" | "partially_refunded";
  /** Minor units of the gift taken out of the total by this call. */
  taken: number;
}

/**
 * Gives back gift money: `refundedGift` is the cumulative part of the gift refunded so far (never more than the
 * gift). Cumulative, so an older notice arriving after a newer one takes nothing, and a replay takes nothing. The
 * difference to what was already given back leaves the running total in the caller's transaction; a gift given back
 * whole stops counting as a donor, and its receipt, if not sent yet, is withdrawn. Null when nothing changed.
 */
export async function refundDonation(
  tx: Prisma.TransactionClient,
  donation: TransitionTarget,
  refundedGift: number,
  now = new Date(),
): Promise<Refund | null> {
  const [row] = await tx.$queryRaw<{ status: DonationStatus; amount: number; refunded_amount: number }[]>`
    SELECT status, amount, refunded_amount FROM donations WHERE id = ${donation.id} FOR NO KEY UPDATE`;
  if (!row) return null;
  const target = Math.min(Math.max(refundedGift, 0), row.amount);
  const taken = target - row.refunded_amount;
  if (taken <= 0) return null;
  const to = target === row.amount ? "refunded" : "partially_refunded";
  if (!ALLOWED_FROM[to].includes(row.status)) return null;
  await tx.donation.update({
    where: { id: donation.id },
    data: { status: to, refundedAmount: target, updatedAt: now },
  });
  if (to === "refunded") await withdrawReceipt(tx, donation.id);
  await addToTotals(tx, donation, { raised: -taken, donors: to === "refunded" ? -1 : 0 }, now);
  return { from: row.status, to, taken };
}

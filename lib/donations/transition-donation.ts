import { randomUUID } from "node:crypto";
import { addToTotals, totalsChangeSql } from "@/lib/campaign/running-total";
import { queryRows, type Queryable } from "@/lib/db/client";
import { receiptOwedSql, withdrawReceipt } from "@/lib/receipts/enqueue-receipt";
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

/**
 * The one way a donation's status changes between paying and not paying, with everything that goes with it, in
 * one statement: atomic by itself, so a callback needs no transaction of its own and holds its row locks for one
 * round trip. The update is conditional on the current status, so of two concurrent callbacks only one can move
 * it; a success also owes its receipt and moves the running total, so the total and the succeeded donations
 * cannot drift apart. With a notice, the gateway's event is recorded too and a notice delivered before changes
 * nothing. Refunds go through refundDonation below.
 */
export async function transitionRecordingNotice(
  db: Queryable,
  donation: TransitionTarget,
  to: Exclude<DonationStatus, "refunded" | "partially_refunded">,
  { gatewayReported = false, now = new Date() }: TransitionOptions = {},
  notice?: RecordedNotice,
): Promise<Transition> {
  // A later statement's concurrent copy of the same notice waits on the donation's row lock, then finds the
  // status already moved; its event insert then meets the first one's row, and it reports a duplicate.
  const unseen = notice
    ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM payment_events
        WHERE gateway = ${notice.gateway} AND gateway_event_id = ${notice.eventId})`
    : Prisma.empty;
  const counts = to === "succeeded";
  // Every data-modifying part runs, whether the result reads it or not; the ones that must not run without a
  // move take their rows FROM moved, which is empty then.
  const [row] = await queryRows<{ from: DonationStatus | null; recorded: boolean }>(
    db,
    Prisma.sql`
    WITH old AS (
      -- Locked in the same statement: the status read is the one replaced, whoever else is settling it. NO KEY
      -- UPDATE, as a plain UPDATE takes: a payment event's foreign key holds a key-share lock on this row, and
      -- FOR UPDATE would wait on every other settlement's.
      SELECT id, status FROM donations WHERE id = ${donation.id} ${unseen} FOR NO KEY UPDATE
    ), moved AS (
      UPDATE donations d SET status = ${to}::donation_status, completed_at = ${now}, updated_at = ${now},
        -- A donation that ended without ever getting a checkout frees its Idempotency-Key: the donor's retry
        -- starts afresh instead of being told "in progress" for ever. (A success always had a checkout.)
        idempotency_key = CASE WHEN ${!counts}::boolean AND d.checkout_url IS NULL THEN NULL ELSE d.idempotency_key END
      FROM old WHERE d.id = old.id AND old.status::text = ANY(${allowedFrom(to, gatewayReported)}::text[])
      RETURNING old.status::text AS "from", d.donor_email
    ), receipt AS (
      ${counts ? receiptOwedSql(donation.id, now, Prisma.sql`FROM moved`) : Prisma.sql`SELECT 1`}
    ), total AS (
      ${counts ? totalsChangeSql(donation, { raised: donation.amount, donors: 1 }, now, Prisma.sql`FROM moved`) : Prisma.sql`SELECT 1`}
    ), event AS (
      ${
        notice
          ? Prisma.sql`INSERT INTO payment_events (id, gateway, gateway_event_id, type, donation_id, payload, outcome)
              SELECT ${randomUUID()}, ${notice.gateway}, ${notice.eventId}, ${notice.type}, ${donation.id},
                ${JSON.stringify(notice.payload)}::jsonb,
                CASE WHEN EXISTS (SELECT 1 FROM moved) THEN ${notice.outcome.moved} ELSE ${notice.outcome.unmoved} END
              ON CONFLICT (gateway, gateway_event_id) DO NOTHING
              RETURNING 1`
          : Prisma.sql`SELECT 1`
      }
    )
    SELECT (SELECT "from" FROM moved) AS "from", EXISTS (SELECT 1 FROM event) AS recorded`,
  );
  return { from: row.from, recorded: row.recorded };
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

-- AlterTable: the part of the gift given back, in minor units of the gift (the totals count amount − refunded_amount),
-- and when the reconciler next asks the gateway about a pending donation, with how often it already asked.
ALTER TABLE "donations" ADD COLUMN "refunded_amount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "next_check_at" TIMESTAMPTZ(3),
ADD COLUMN "reconcile_checks" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "donations_refunded_amount_range" CHECK ("refunded_amount" >= 0 AND "refunded_amount" <= "amount"),
-- The status says how much was given back: all of it, some of it, or none (every other status).
ADD CONSTRAINT "donations_refunded_amount_by_status" CHECK (CASE "status"
    WHEN 'refunded' THEN "refunded_amount" = "amount"
    WHEN 'partially_refunded' THEN "refunded_amount" > 0 AND "refunded_amount" < "amount"
    ELSE "refunded_amount" = 0
  END),
ADD CONSTRAINT "donations_reconcile_checks_not_negative" CHECK ("reconcile_checks" >= 0);

-- The reconciler walks pending donations by when each is next due (never checked first), so donations the gateway
-- keeps calling pending wait their backoff instead of filling every run.
CREATE INDEX "donations_pending_next_check_idx" ON "donations"("next_check_at", "created_at")
  WHERE "status" = 'pending';

-- The simulated gateway's own record of what it gave back, as a real provider keeps one.
ALTER TABLE "sandbox_sessions" ADD COLUMN "refunded_amount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "dispute_lost_at" TIMESTAMPTZ(3),
ADD CONSTRAINT "sandbox_sessions_refunded_amount_range" CHECK ("refunded_amount" >= 0 AND "refunded_amount" <= "amount");

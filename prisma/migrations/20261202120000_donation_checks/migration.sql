-- The database itself refuses what the code must never write. Not modelled by Prisma.

-- Rows written before these rules: a final donation gets the time of its last change as its completion time,
-- a pending one loses a completion time it cannot have.
UPDATE "donations" SET "completed_at" = "updated_at" WHERE "status" <> 'pending' AND "completed_at" IS NULL;
UPDATE "donations" SET "completed_at" = NULL WHERE "status" = 'pending' AND "completed_at" IS NOT NULL;

-- Written in terms of 'pending' alone, so final statuses added later (refunds, reviews) need no change here.
ALTER TABLE "donations" ADD CONSTRAINT "donations_completed_at_when_final"
  CHECK (("status" = 'pending') = ("completed_at" IS NULL));

-- donations.amount is already checked (donations_amount_positive); the simulated gateway's sessions hold money too.
ALTER TABLE "sandbox_sessions" ADD CONSTRAINT "sandbox_sessions_amount_positive" CHECK ("amount" > 0);

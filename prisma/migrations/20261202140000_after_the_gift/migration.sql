-- AlterTable: what the donor chose to show on the wall, and the payment fee they chose to cover.
-- "amount" stays the gift the charity receives (and the totals count); the gateway charges amount + fee.
ALTER TABLE "donations" ADD COLUMN     "fee" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "message" TEXT,
ADD COLUMN     "show_amount" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "donations_fee_not_negative" CHECK ("fee" >= 0),
ADD CONSTRAINT "donations_message_length" CHECK (char_length("message") <= 140);

-- The donor wall reads the latest succeeded donations.
CREATE INDEX "donations_status_completed_at_idx" ON "donations"("status", "completed_at");

-- CreateTable: receipts to send, written in the transaction that marks a donation succeeded.
CREATE TABLE "receipt_outbox" (
    "id" TEXT NOT NULL,
    "donation_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "message_id" TEXT NOT NULL,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "receipt_outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "receipt_outbox_status" CHECK ("status" IN ('pending', 'sent', 'failed'))
);

-- One receipt per donation, whatever retries the callback.
CREATE UNIQUE INDEX "receipt_outbox_donation_id_key" ON "receipt_outbox"("donation_id");

-- The worker looks for due receipts.
CREATE INDEX "receipt_outbox_status_next_attempt_at_idx" ON "receipt_outbox"("status", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "receipt_outbox" ADD CONSTRAINT "receipt_outbox_donation_id_fkey" FOREIGN KEY ("donation_id") REFERENCES "donations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

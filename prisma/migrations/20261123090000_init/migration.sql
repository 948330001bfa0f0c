-- CreateEnum
CREATE TYPE "donation_status" AS ENUM ('pending', 'succeeded', 'failed', 'cancelled', 'expired');

-- CreateTable
CREATE TABLE "donations" (
    "id" TEXT NOT NULL,
    "campaign" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "donation_status" NOT NULL DEFAULT 'pending',
    "gateway" TEXT NOT NULL,
    "gateway_session_id" TEXT,
    "idempotency_key" TEXT,
    "request_hash" TEXT,
    "locale" TEXT NOT NULL,
    "donor_name" TEXT,
    "donor_email" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "donations_pkey" PRIMARY KEY ("id"),
    -- Not modelled by Prisma; the last line of defence for money.
    CONSTRAINT "donations_amount_positive" CHECK ("amount" > 0)
);

-- CreateTable
CREATE TABLE "payment_events" (
    "id" TEXT NOT NULL,
    "gateway" TEXT NOT NULL,
    "gateway_event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "donation_id" TEXT,
    "payload" JSONB NOT NULL,
    "outcome" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_totals" (
    "campaign" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "raised" BIGINT NOT NULL DEFAULT 0,
    "donors" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_totals_pkey" PRIMARY KEY ("campaign")
);

-- CreateIndex
CREATE UNIQUE INDEX "donations_idempotency_key_key" ON "donations"("idempotency_key");

-- CreateIndex
CREATE INDEX "donations_status_created_at_idx" ON "donations"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "donations_gateway_gateway_session_id_key" ON "donations"("gateway", "gateway_session_id");

-- CreateIndex
CREATE INDEX "payment_events_donation_id_idx" ON "payment_events"("donation_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_events_gateway_gateway_event_id_key" ON "payment_events"("gateway", "gateway_event_id");

-- AddForeignKey
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_donation_id_fkey" FOREIGN KEY ("donation_id") REFERENCES "donations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Striped running totals. A success adds to one of several rows of its campaign and currency, chosen at random,
-- so concurrent confirmations do not all queue on one row lock; reading sums the stripes. Keyed by currency too:
-- changing CAMPAIGN_CURRENCY starts a new total instead of adding yen to cents. An existing total becomes stripe 0.
ALTER TABLE "campaign_totals" ADD COLUMN "stripe" SMALLINT NOT NULL DEFAULT 0;

ALTER TABLE "campaign_totals" DROP CONSTRAINT "campaign_totals_pkey";
ALTER TABLE "campaign_totals" ADD CONSTRAINT "campaign_totals_pkey" PRIMARY KEY ("campaign", "currency", "stripe");

-- What holds for every row. The sign does not: a refund lands on any stripe, so one stripe may go below zero while
-- the campaign's sum stays positive; the sum is checked where it is read (lib/campaign/totals.ts).
ALTER TABLE "campaign_totals" ADD CONSTRAINT "campaign_totals_stripe_check" CHECK ("stripe" >= 0 AND "stripe" < 64);
ALTER TABLE "campaign_totals" ADD CONSTRAINT "campaign_totals_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');

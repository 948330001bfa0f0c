-- Statuses a donation can reach after the fact. Alone in their migration: PostgreSQL lets a transaction add an
-- enum value but not use it before the commit, and the next migration's checks use them.
-- refunded: the gateway gave the whole gift back (a full refund, or a dispute the charity lost).
-- partially_refunded: part of the gift was given back; the rest still counts.
-- needs_review: the gateway reported other money than the donation holds; a person decides, nothing is counted.
ALTER TYPE "donation_status" ADD VALUE 'refunded';
ALTER TYPE "donation_status" ADD VALUE 'partially_refunded';
ALTER TYPE "donation_status" ADD VALUE 'needs_review';

import { hash } from "node:crypto";

const sha256Hex = (text: string) => hash("sha256", text, "hex");
import { ApiError } from "@/lib/api/errors";
import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { campaign } from "@/lib/campaign/config";
import { getDb, getSql } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Donation, DonationStatus } from "@/lib/generated/prisma/client";
import { coverFee } from "@/lib/fees/cover-fee";
import { feeRateFor } from "@/lib/fees/fee-schedule";
import { assertCheckoutUrl } from "@/lib/payments/checkout-url";
import { getGateway } from "@/lib/payments/get-gateway";
import { admitCheckout } from "@/lib/resilience/checkout-admission";
import { chargedAmount } from "./charged-amount";
import { checkoutDescription } from "./checkout-description";
import type { DonationInput } from "./donation-input";
import { newDonationId } from "./donation-id";
import { attachCheckout, insertDonation, type NewDonation } from "./donation-rows";
import { STALLED_START_SECONDS } from "./idempotency-key";
import { transitionDonation } from "./transition-donation";

export interface StartedDonation {
  id: string;
  /** "pending" for a new donation; a replayed key reports where that donation has got to since. */
  status: DonationStatus;
  redirectUrl: string;
}

function requestHash(input: DonationInput): string {
  const { amount, currency, locale, name, email, anonymous, message, showAmount, coverFees } = input;
  const fields = [amount, currency, locale, name ?? null, email ?? null, anonymous, message ?? null];
  return sha256Hex(JSON.stringify([...fields, showAmount, coverFees]));
}

/** The answer to a repeated Idempotency-Key: the same donation, or a refusal if the body differs. */
function replay(existing: Donation, hash: string): StartedDonation {
  if (existing.requestHash !== hash) throw new ApiError("idempotency_conflict");
  if (!existing.checkoutUrl) {
    // The first request is still creating its checkout; the client retries shortly.
    throw new ApiError("idempotency_in_progress", "a request with this key is in progress", {
      retryAfterSeconds: 1,
    });
  }
  return { id: existing.id, status: existing.status, redirectUrl: existing.checkoutUrl };
}

/**
 * A donation whose start crashed between its row and its checkout holds its key with no checkout to replay. Once
 * the request that made it has certainly given up, it is expired, which frees the key (transitionDonation).
 * Returns whether the key is free now.
 */
async function releaseStalledKey(existing: Donation, now = Date.now()): Promise<boolean> {
  if (existing.checkoutUrl || existing.status !== "pending") return false;
  if (now - existing.createdAt.getTime() < STALLED_START_SECONDS * 1000) return false;
  const left = await transitionDonation(getSql(), existing, "expired");
  return left !== null;
}

/**
 * How long a checkout may take payment: Stripe's shortest (30 minutes) and a minute for the creation itself. By
 * the time the reconciler looks at a donation (RECONCILE_PENDING_AGE_MINUTES, 30) its checkout has ended or is
 * about to, so abandoned checkouts are expired instead of being asked about run after run.
 */
const CHECKOUT_LIFETIME_MS = 31 * 60_000;

/**
 * Records a pending donation and opens a checkout for it at the gateway, both at once, and hands the checkout out
 * only once the row holds it, so nothing a donor can pay is missing from the database. If we crash in between, the
 * reconciler finds a pending donation without a session and expires it; a checkout nobody was given expires unpaid.
 */
export async function startDonation(
  input: DonationInput,
  { idempotencyKey }: { idempotencyKey?: string } = {},
): Promise<StartedDonation> {
  const db = getDb();
  const hash = requestHash(input);
  if (idempotencyKey) {
    const existing = await db.donation.findUnique({ where: { idempotencyKey } });
    if (existing && !(await releaseStalledKey(existing))) return replay(existing, hash);
  }
  const gateway = getGateway();
  const description = await checkoutDescription(input.locale);
  const permit = await admitCheckout();
  const donation: NewDonation = {
    id: newDonationId(),
    campaign: campaign.slug,
    amount: input.amount,
    currency: input.currency,
    gateway: gateway.name,
    idempotencyKey: idempotencyKey ?? null,
    requestHash: hash,
    locale: input.locale,
    donorName: input.name ?? null,
    donorEmail: input.email ?? null,
    anonymous: input.anonymous,
    message: input.message ?? null,
    showAmount: input.showAmount,
    // Computed here whatever the form showed: the fee follows the provider that takes this donation.
    fee: input.coverFees ? coverFee(input.amount, feeRateFor(gateway.name)) : 0,
    createdAt: new Date(),
  };
  // The row and the checkout are made at the same time, each one round trip (the sandbox's a statement, a real
  // provider's an HTTPS call), so the donor waits for the longer of the two rather than for both in turn. The
  // checkout is still handed out only once the row holds it (attachCheckout below), so whatever a donor can pay is
  // on record first; a checkout made for a row that could not be written is given to no one and expires unpaid.
  const [written, opened] = await Promise.allSettled([
    insertDonation(donation),
    permit.run(async () =>
      assertCheckoutUrl(
        gateway,
        await gateway.createCheckout({
          reference: donation.id,
          amount: chargedAmount(donation),
          currency: donation.currency,
          locale: donation.locale,
          // Our own id in the return URL: the return finds the donation by it (a gateway need not append anything).
          returnUrl: `${env.APP_URL}/api/payments/return?donation=${donation.id}`,
          description,
          // From the row's own time, so a retried creation sends the very same parameters as the first.
          expiresAt: new Date(donation.createdAt.getTime() + CHECKOUT_LIFETIME_MS),
        }),
      ),
    ),
  ]);
  if (written.status === "rejected") throw written.reason;
  if (!written.value) {
    // Only a key conflicts: two requests with one key raced past the lookup above, and the loser answers like a
    // replay.
    if (!idempotencyKey) throw new Error(`donation ${donation.id} was not written`);
    return replay(await db.donation.findUniqueOrThrow({ where: { idempotencyKey } }), hash);
  }
  if (opened.status === "rejected") {
    reportUnexpectedError(opened.reason, { donationId: donation.id, during: "createCheckout" });
    // Kept for audit; failing a donation that never got a checkout also releases its key, so the donor's retry
    // starts afresh.
    await transitionDonation(getSql(), donation, "failed");
    throw new ApiError("service_unavailable", "the payment provider did not answer", {
      retryAfterSeconds: 5,
    });
  }
  const checkout = opened.value;
  const attached = await attachCheckout({
    donationId: donation.id,
    sessionId: checkout.sessionId,
    redirectUrl: checkout.redirectUrl,
    at: new Date(),
  });
  if (!attached) {
    throw new ApiError("service_unavailable", "the donation expired while its checkout was made", {
      retryAfterSeconds: 1,
    });
  }
  return { id: donation.id, status: "pending", redirectUrl: checkout.redirectUrl };
}

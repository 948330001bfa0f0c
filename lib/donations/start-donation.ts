import { createHash } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { campaign } from "@/lib/campaign/config";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { Prisma, type Donation, type DonationStatus } from "@/lib/generated/prisma/client";
import { coverFee } from "@/lib/fees/cover-fee";
import { feeRateFor } from "@/lib/fees/fee-schedule";
import { getGateway } from "@/lib/payments/get-gateway";
import { admitCheckout } from "@/lib/resilience/checkout-admission";
import { chargedAmount } from "./charged-amount";
import type { DonationInput } from "./donation-input";
import { newDonationId } from "./donation-id";
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
  return createHash("sha256")
    .update(
      JSON.stringify([
        amount,
        currency,
        locale,
        name ?? null,
        email ?? null,
        anonymous,
        message ?? null,
        showAmount,
        coverFees,
      ]),
    )
    .digest("hex");
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
  const left = await getDb().$transaction((tx) => transitionDonation(tx, existing, "expired"));
  return left !== null;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Records a pending donation, then opens a checkout for it at the gateway. The row comes first so that nothing a
 * donor started can vanish: if we crash in between, the reconciler finds a pending donation without a session
 * and expires it.
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
  const permit = await admitCheckout();
  let donation: Donation;
  try {
    donation = await db.donation.create({
      data: {
        id: newDonationId(),
        campaign: campaign.slug,
        amount: input.amount,
        currency: input.currency,
        gateway: gateway.name,
        idempotencyKey,
        requestHash: hash,
        locale: input.locale,
        donorName: input.name,
        donorEmail: input.email,
        anonymous: input.anonymous,
        message: input.message,
        showAmount: input.showAmount,
        // Computed here whatever the form showed: the fee follows the provider that takes this donation.
        fee: input.coverFees ? coverFee(input.amount, feeRateFor(gateway.name)) : 0,
      },
    });
  } catch (error) {
    permit.release();
    // Two requests with one key raced past the lookup above; the loser answers like a replay.
    if (idempotencyKey && isUniqueViolation(error)) {
      return replay(await db.donation.findUniqueOrThrow({ where: { idempotencyKey } }), hash);
    }
    throw error;
  }

  let checkout;
  try {
    checkout = await permit.run(() =>
      gateway.createCheckout({
        reference: donation.id,
        amount: chargedAmount(donation),
        currency: donation.currency,
        locale: donation.locale,
        // Our own id in the return URL: the return finds the donation by it (a gateway need not append anything).
        returnUrl: `${env.APP_URL}/api/payments/return?donation=${donation.id}`,
      }),
    );
  } catch (error) {
    reportUnexpectedError(error, { donationId: donation.id, during: "createCheckout" });
    // Kept for audit, with the key released so the donor's retry starts afresh.
    await db.$transaction(async (tx) => {
      await transitionDonation(tx, donation, "failed");
      await tx.donation.update({ where: { id: donation.id }, data: { idempotencyKey: null } });
    });
    throw new ApiError("service_unavailable", "the payment provider did not answer", {
      retryAfterSeconds: 5,
    });
  }
  // Conditional: if this request was so slow that a retry expired its donation meanwhile, the checkout is not
  // handed out, since a payment on an expired donation could not be counted.
  const { count } = await db.donation.updateMany({
    where: { id: donation.id, status: "pending" },
    data: { gatewaySessionId: checkout.sessionId, checkoutUrl: checkout.redirectUrl },
  });
  if (count === 0) {
    throw new ApiError("service_unavailable", "the donation expired while its checkout was made", {
      retryAfterSeconds: 1,
    });
  }
  return { id: donation.id, status: "pending", redirectUrl: checkout.redirectUrl };
}

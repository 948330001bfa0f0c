import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { ApiError } from "@/lib/api/errors";
import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { getDb } from "@/lib/db/client";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { limitPaymentReturn } from "@/lib/rate-limit/result-limits";
import { isGatewayRefusal } from "@/lib/resilience/checkout-admission";
import { confirmWithGateway } from "./confirm-with-gateway";
import { isIssuedDonationId } from "./donation-id";
import { outcomeOfStatus, outcomePath } from "./donor-outcome";

const UNKNOWN = { kind: "error", reason: "unknown" } as const;

export interface ReturnParams {
  /** Our donation id, which we put in the return URL we gave the gateway. */
  donationId: string | null;
  /** The session the gateway appends, if it does: when present it must be the donation's own. */
  sessionId: string | null;
}

/**
 * Where a donor coming back from the gateway goes. The query string only names the donation; the outcome comes
 * from the gateway itself (through its breaker and rate cap), and a payment it reports as made is confirmed here
 * if its callback is not in yet. An id we never issued costs no query; a client past its limit gets a 429.
 */
export async function returnDestination(
  { donationId, sessionId }: ReturnParams,
  headers: Headers,
): Promise<string> {
  if (!isIssuedDonationId(donationId)) return outcomePath(routing.defaultLocale, UNKNOWN);
  const limit = await limitPaymentReturn(headers);
  if (!limit.success) {
    throw new ApiError("rate_limited", "too many returns", { retryAfterSeconds: limit.retryAfterSeconds });
  }
  const donation = await getDb().donation.findUnique({ where: { id: donationId } });
  if (!donation || (sessionId !== null && sessionId !== donation.gatewaySessionId)) {
    return outcomePath(routing.defaultLocale, UNKNOWN);
  }
  const locale = hasLocale(routing.locales, donation.locale) ? donation.locale : routing.defaultLocale;

  let status: DonationStatus;
  try {
    status = await confirmWithGateway(donation);
  } catch (error) {
    // The gateway is failing, at its cap or unreachable: the callback or the reconciler will settle it; the donor
    // waits on the success page, which says so and refreshes.
    if (!isGatewayRefusal(error)) reportUnexpectedError(error, { donationId: donation.id, during: "return" });
    status = donation.status;
  }
  return outcomePath(locale, outcomeOfStatus(status, donation.id));
}

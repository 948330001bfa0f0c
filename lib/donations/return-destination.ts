import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { ApiError } from "@/lib/api/errors";
import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { getDb } from "@/lib/db/client";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { confirmWithGateway } from "./confirm-with-gateway";
import { outcomeOfStatus, outcomePath } from "./donor-outcome";

const UNKNOWN = { kind: "error", reason: "unknown" } as const;

/**
 * Where a donor coming back from the gateway goes. The query string only names the session; the outcome comes
 * from the gateway itself, and a payment it reports as made is confirmed here if its callback is not in yet.
 */
export async function returnDestination(gateway: PaymentGateway, sessionId: string | null): Promise<string> {
  const donation =
    sessionId && sessionId.length <= 200
      ? await getDb().donation.findUnique({
          where: { gateway_gatewaySessionId: { gateway: gateway.name, gatewaySessionId: sessionId } },
        })
      : null;
  if (!donation) return outcomePath(routing.defaultLocale, UNKNOWN);
  const locale = hasLocale(routing.locales, donation.locale) ? donation.locale : routing.defaultLocale;

  let status: DonationStatus;
  try {
    status = await confirmWithGateway(donation);
  } catch (error) {
    if (error instanceof ApiError && error.code === "payment_mismatch") {
      return outcomePath(locale, UNKNOWN);
    }
    // The gateway is unreachable: the callback or the reconciler will settle it; the donor waits on the
    // success page, which says so and refreshes.
    reportUnexpectedError(error, { donationId: donation.id, during: "return" });
    status = donation.status;
  }
  return outcomePath(locale, outcomeOfStatus(status, donation.id));
}

// POST /api/donations – start a donation (JSON clients and the donate page's no-JavaScript form)
import { routing, type Locale } from "@/i18n/routing";
import { validateDonationInput, type DonationInput } from "@/lib/donations/donation-input";
import { formErrorResponse } from "@/lib/donations/form-error-redirect";
import { isFormPost, parseDonationRequest, readIdempotencyKey } from "@/lib/donations/parse-donation-request";
import { startDonation } from "@/lib/donations/start-donation";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { seeOther } from "@/lib/http/see-other";
import { assertDonationsOpen } from "@/lib/donations-pause/assert-donations-open";
import { retryLaterRedirect } from "@/lib/donations-retry/retry-later-redirect";
import { noteRequestLocale } from "@/lib/observability/request-context";
import { withRequestLogging } from "@/lib/observability/with-request-logging";
import { assertClientWithinLimit, assertEmailWithinLimit } from "@/lib/rate-limit/donation-guards";
import { decoyDonation, isHoneypotFilled } from "@/lib/rate-limit/honeypot";
import { withDatabase } from "@/lib/resilience/database-guard";

async function startDonationRoute(request: Request) {
  const fromForm = isFormPost(request);
  let locale: Locale = routing.defaultLocale;
  let input: DonationInput | undefined;
  try {
    assertSameOrigin(request);
    const idempotencyKey = readIdempotencyKey(request);
    const parsed = await parseDonationRequest(request);
    locale = parsed.locale;
    noteRequestLocale(locale);
    await assertClientWithinLimit(request);
    const valid = await validateDonationInput(parsed.fields, locale);
    input = valid;
    if (isHoneypotFilled(valid)) {
      const decoy = decoyDonation(locale);
      return fromForm
        ? seeOther(decoy.redirectUrl)
        : Response.json(decoy, { status: 201, headers: { "Cache-Control": "no-store" } });
    }
    await assertDonationsOpen();
    await assertEmailWithinLimit(valid.email);
    const donation = await withDatabase(() => startDonation(valid, { idempotencyKey }));
    if (fromForm) return seeOther(donation.redirectUrl);
    return Response.json(donation, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // A JSON client gets the API's error (from withRequestLogging); a donor without JavaScript gets a page.
    if (!fromForm) throw error;
    return retryLaterRedirect(error, locale, input) ?? formErrorResponse(error, locale);
  }
}

export const POST = withRequestLogging("POST /api/donations", startDonationRoute);

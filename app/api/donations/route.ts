// POST /api/donations – start a donation (JSON clients and the donate page's no-JavaScript form)
import { routing, type Locale } from "@/i18n/routing";
import { toErrorResponse } from "@/lib/api/errors";
import { validateDonationInput, type DonationInput } from "@/lib/donations/donation-input";
import { formErrorResponse } from "@/lib/donations/form-error-redirect";
import { scopeIdempotencyKey } from "@/lib/donations/idempotency-key";
import { isFormPost, parseDonationRequest, readIdempotencyKey } from "@/lib/donations/parse-donation-request";
import { startDonation } from "@/lib/donations/start-donation";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { seeOther } from "@/lib/http/see-other";
import { assertDonationsOpen } from "@/lib/donations-pause/assert-donations-open";
import { retryLaterRedirect } from "@/lib/donations-retry/retry-later-redirect";
import { withRequestLogging } from "@/lib/observability/with-request-logging";
import {
  assertClientWithinLimit,
  assertEmailWithinLimit,
  assertSiteWithinLimit,
} from "@/lib/rate-limit/donation-guards";
import { assertHoneypotEmpty } from "@/lib/rate-limit/honeypot";
import { withDatabase } from "@/lib/resilience/database-guard";

async function startDonationRoute(request: Request) {
  const fromForm = isFormPost(request);
  let locale: Locale = routing.defaultLocale;
  let input: DonationInput | undefined;
  try {
    assertSameOrigin(request);
    const idempotencyKey = scopeIdempotencyKey(readIdempotencyKey(request), request);
    const parsed = await parseDonationRequest(request);
    locale = parsed.locale;
    await assertClientWithinLimit(request);
    const valid = await validateDonationInput(parsed.fields, locale);
    input = valid;
    assertHoneypotEmpty(valid);
    await assertDonationsOpen();
    await assertEmailWithinLimit(valid.email, request);
    await assertSiteWithinLimit();
    const donation = await withDatabase(() => startDonation(valid, { idempotencyKey }));
    if (fromForm) return seeOther(donation.redirectUrl);
    return Response.json(donation, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const retryLater = fromForm ? retryLaterRedirect(error, locale, input) : null;
    if (retryLater) return retryLater;
    return fromForm ? formErrorResponse(error, locale) : toErrorResponse(error, locale);
  }
}

export const POST = withRequestLogging("POST /api/donations", startDonationRoute);

// POST /api/donations – start a donation (JSON clients and the donate page's no-JavaScript form)
import { routing, type Locale } from "@/i18n/routing";
import { toErrorResponse } from "@/lib/api/errors";
import { validateDonationInput } from "@/lib/donations/donation-input";
import { formErrorResponse } from "@/lib/donations/form-error-redirect";
import { isFormPost, parseDonationRequest, readIdempotencyKey } from "@/lib/donations/parse-donation-request";
import { startDonation } from "@/lib/donations/start-donation";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { seeOther } from "@/lib/http/see-other";

export async function POST(request: Request) {
  const fromForm = isFormPost(request);
  let locale: Locale = routing.defaultLocale;
  try {
    assertSameOrigin(request);
    const idempotencyKey = readIdempotencyKey(request);
    const parsed = await parseDonationRequest(request);
    locale = parsed.locale;
    const input = await validateDonationInput(parsed.fields, locale);
    const donation = await startDonation(input, { idempotencyKey });
    if (fromForm) return seeOther(donation.redirectUrl);
    return Response.json(donation, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return fromForm ? formErrorResponse(error, locale) : toErrorResponse(error, locale);
  }
}

import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { seeOther } from "@/lib/http/see-other";
import type { DonationStartDecision } from "./decide-donation-start";
import { outcomeOfError, outcomePath } from "./donor-outcome";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * A JSON client gets the donation or our error body. A donor without JavaScript sees whatever we answer, so a
 * form post is sent to a page instead: the checkout, the retry page keeping their input, or the error page. A
 * form post from another site is the exception: a bare 403, with nothing for the attacker to render.
 */
export async function answerDonationStart({
  fromForm,
  locale,
  result,
}: DonationStartDecision): Promise<Response> {
  if (result.ok) {
    if (fromForm) return seeOther(result.donation.redirectUrl);
    return Response.json(result.donation, { status: 201, headers: NO_STORE });
  }
  const { error, input } = result;
  if (!fromForm || (error instanceof ApiError && error.code === "forbidden"))
    return toErrorResponse(error, locale);
  if (!(error instanceof ApiError)) reportUnexpectedError(error);
  return seeOther(outcomePath(locale, outcomeOfError(error, input)));
}

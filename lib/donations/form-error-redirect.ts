import type { Locale } from "@/i18n/routing";
import { ApiError, toErrorResponse } from "@/lib/api/errors";
import type { ErrorCode } from "@/lib/api/error-codes";
import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { seeOther } from "@/lib/http/see-other";

// The `reason` the donate error page explains, per error code; anything unlisted is "unknown".
const REASON_BY_CODE: Partial<Record<ErrorCode, string>> = {
  bad_request: "invalid",
  validation_failed: "invalid",
  payload_too_large: "invalid",
  idempotency_conflict: "invalid",
};

/**
 * A donor without JavaScript sees whatever we answer, so a failed form post goes to a localized page instead of
 * JSON. A post from another site is the exception: it gets a bare 403, with nothing for the attacker to render.
 */
export async function formErrorResponse(error: unknown, locale: Locale): Promise<Response> {
  if (error instanceof ApiError && error.code === "forbidden") return toErrorResponse(error, locale);
  if (!(error instanceof ApiError)) reportUnexpectedError(error);
  const reason = error instanceof ApiError ? (REASON_BY_CODE[error.code] ?? "unknown") : "unknown";
  return seeOther(`/${locale}/donate/error?reason=${reason}`);
}

import { createTranslator } from "next-intl";
import { routing, type Locale } from "@/i18n/routing";
import { ApiError } from "./api-error";
import { statusOf, type ErrorCode } from "./error-codes";
import { loadMessages } from "@/i18n/load-messages";
import { reportUnexpectedError } from "./report-unexpected-error";

export { ApiError } from "./api-error";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

async function apiErrorMessages(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: "ApiErrors" });
}

/**
 * Turns anything a route handler threw into the JSON error response. Expected errors (ApiError) keep their code
 * and fields; anything else is reported and hidden behind a generic 500, so internals never reach a client.
 */
export async function toErrorResponse(
  error: unknown,
  locale: Locale = routing.defaultLocale,
): Promise<Response> {
  const known = error instanceof ApiError ? error : new ApiError("internal_error");
  if (!(error instanceof ApiError)) reportUnexpectedError(error);
  const t = await apiErrorMessages(locale);
  const body: ErrorBody = { error: { code: known.code, message: t(known.code) } };
  if (known.fields) body.error.fields = known.fields;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (known.retryAfterSeconds !== undefined) headers["Retry-After"] = String(known.retryAfterSeconds);
  return Response.json(body, { status: statusOf(known.code), headers });
}

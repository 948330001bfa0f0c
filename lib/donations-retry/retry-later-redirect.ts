import type { Locale } from "@/i18n/routing";
import { ApiError } from "@/lib/api/errors";
import type { ErrorCode } from "@/lib/api/error-codes";
import { seeOther } from "@/lib/http/see-other";
import { sealRetryInput, type RetryInput } from "@/lib/donations/sealed-input";

// Refusals that mean "not now" rather than "not like this": a form post gets the friendly retry page instead.
export const RETRY_REASONS = {
  gateway_busy: "busy",
  service_unavailable: "unavailable",
  donations_paused: "paused",
  rate_limited: "limited",
} as const satisfies Partial<Record<ErrorCode, string>>;

export type RetryReason = (typeof RETRY_REASONS)[keyof typeof RETRY_REASONS];

/** A 303 to /{locale}/donate/busy keeping the donor's input, or null for errors that are not about timing. */
export function retryLaterRedirect(
  error: unknown,
  locale: Locale,
  input: RetryInput | undefined,
): Response | null {
  if (!(error instanceof ApiError) || !(error.code in RETRY_REASONS)) return null;
  const params = new URLSearchParams({ reason: RETRY_REASONS[error.code as keyof typeof RETRY_REASONS] });
  if (error.retryAfterSeconds !== undefined) params.set("retryAfter", String(error.retryAfterSeconds));
  if (input) params.set("input", sealRetryInput(input));
  return seeOther(`/${locale}/donate/busy?${params}`);
}

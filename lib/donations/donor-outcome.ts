import type { Locale } from "@/i18n/routing";
import { ApiError } from "@/lib/api/errors";
import type { ErrorCode } from "@/lib/api/error-codes";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { sealRetryInput, type RetryInput } from "./sealed-input";

/** Why a donation did not go through, as the error page explains it ("unknown" says nothing it cannot know). */
export const ERROR_REASONS = ["declined", "cancelled", "invalid", "unknown"] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Why a donor is asked to try again later: not "not like this" but "not now". The busy page explains each. */
export const RETRY_REASONS = ["busy", "unavailable", "paused", "limited"] as const;
export type RetryReason = (typeof RETRY_REASONS)[number];

/** Where a donor ends up. Every page a donor is sent to is one of these, and outcomePath spells its address. */
export type DonorOutcome =
  | { kind: "success"; donationId?: string }
  | { kind: "error"; reason: ErrorReason }
  | { kind: "retry-later"; reason: RetryReason; retryAfterSeconds?: number; input?: RetryInput };

export function outcomePath(locale: Locale, outcome: DonorOutcome): string {
  switch (outcome.kind) {
    case "success":
      return outcome.donationId
        ? `/${locale}/donate/success?donation=${encodeURIComponent(outcome.donationId)}`
        : `/${locale}/donate/success`;
    case "error":
      return `/${locale}/donate/error?reason=${outcome.reason}`;
    case "retry-later": {
      const params = new URLSearchParams({ reason: outcome.reason });
      if (outcome.retryAfterSeconds !== undefined)
        params.set("retryAfter", String(outcome.retryAfterSeconds));
      // The donor's own input travels sealed, so the busy page can offer it again without storing it anywhere.
      if (outcome.input) params.set("input", sealRetryInput(outcome.input));
      return `/${locale}/donate/busy?${params}`;
    }
  }
}

const RETRY_REASON_BY_CODE: Partial<Record<ErrorCode, RetryReason>> = {
  gateway_busy: "busy",
  service_unavailable: "unavailable",
  donations_paused: "paused",
  rate_limited: "limited",
};

const ERROR_REASON_BY_CODE: Partial<Record<ErrorCode, ErrorReason>> = {
  bad_request: "invalid",
  validation_failed: "invalid",
  payload_too_large: "invalid",
  idempotency_conflict: "invalid",
};

/** Where a refused donation start sends the donor; the input is kept when the refusal only means "not now". */
export function outcomeOfError(error: unknown, input?: RetryInput): DonorOutcome {
  const code = error instanceof ApiError ? error.code : undefined;
  const retryReason = code && RETRY_REASON_BY_CODE[code];
  if (retryReason) {
    const { retryAfterSeconds } = error as ApiError;
    return { kind: "retry-later", reason: retryReason, retryAfterSeconds, input };
  }
  return { kind: "error", reason: (code && ERROR_REASON_BY_CODE[code]) || "unknown" };
}

const ERROR_REASON_BY_STATUS: Partial<Record<DonationStatus, ErrorReason>> = {
  failed: "declined",
  cancelled: "cancelled",
};

/**
 * A donation that is paid, still being paid, or paid and partly given back shows the thank-you page; any other
 * status an error (a refunded gift, or one held for review, has nothing to thank for yet).
 */
export function outcomeOfStatus(status: DonationStatus, donationId: string): DonorOutcome {
  if (status === "succeeded" || status === "pending" || status === "partially_refunded") {
    return { kind: "success", donationId };
  }
  return { kind: "error", reason: ERROR_REASON_BY_STATUS[status] ?? "unknown" };
}

/** A reason read back from a page's query string; anything else is the page's default. */
export function errorReasonOf(value: unknown): ErrorReason {
  return ERROR_REASONS.find((reason) => reason === value) ?? "unknown";
}

export function retryReasonOf(value: unknown): RetryReason {
  return RETRY_REASONS.find((reason) => reason === value) ?? "unavailable";
}

import * as Sentry from "@sentry/nextjs";
import { logger } from "@/lib/observability/logger";

export type MoneyAlert =
  // The gateway took money for a donation we had marked failed, cancelled or expired; it is counted now.
  | "donation.late_success"
  // The gateway reported other money than the donation holds: forged events with a valid key, or a bug of ours.
  | "donation.payment_mismatch";

/**
 * Money that moved in a way a person should look at, although nothing crashed: a JSON log line at `level`, and a
 * Sentry message (not an exception: there is no stack worth grouping by) when SENTRY_DSN is set. Callers report
 * once per piece of news, after its transaction committed, so a gateway's retries do not page anyone twice.
 */
export function reportMoneyAlert(
  alert: MoneyAlert,
  level: "warn" | "error",
  context: Record<string, unknown>,
) {
  logger[level](alert, context);
  Sentry.captureMessage(alert, { level: level === "warn" ? "warning" : "error", extra: context });
}

import * as Sentry from "@sentry/nextjs";
import { logger } from "@/lib/observability/logger";

/** The one place unexpected server errors go: a JSON log line, and Sentry when SENTRY_DSN is set. */
export function reportUnexpectedError(error: unknown, context: Record<string, unknown> = {}): void {
  logger.error("unexpected_error", { ...context, error });
  Sentry.captureException(error, { extra: context });
}

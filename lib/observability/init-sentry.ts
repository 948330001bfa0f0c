import * as Sentry from "@sentry/nextjs";
import { env } from "@/lib/env";
import { sentryOptions } from "./sentry-options";

/** Server and edge runtimes start Sentry the same way. Without a DSN nothing is initialised, so nothing is sent. */
export function initSentry(): void {
  if (!env.SENTRY_DSN) return;
  Sentry.init(
    sentryOptions({
      dsn: env.SENTRY_DSN,
      environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
      release: env.SENTRY_RELEASE,
    }),
  );
}

import * as Sentry from "@sentry/nextjs";
import { env } from "./lib/env";
import { sentryOptions } from "./lib/observability/sentry-options";

// Without a DSN nothing is initialised, so nothing is ever sent.
if (env.SENTRY_DSN) {
  Sentry.init(
    sentryOptions({
      dsn: env.SENTRY_DSN,
      environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
      release: env.SENTRY_RELEASE,
    }),
  );
}

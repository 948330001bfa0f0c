// Browser errors. The DSN comes from SENTRY_DSN through browserEnv (lib/env.ts), written into the bundle at build
// time; without it this file compiles to nothing and the SDK is never downloaded.
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;

if (dsn) {
  void Promise.all([import("@sentry/nextjs"), import("./lib/observability/sentry-options")]).then(
    ([Sentry, { sentryOptions }]) =>
      Sentry.init(
        sentryOptions({
          dsn,
          environment: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT,
          release: process.env.NEXT_PUBLIC_SENTRY_RELEASE,
        }),
      ),
  );
}

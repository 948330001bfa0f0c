import type { ErrorEvent } from "@sentry/nextjs";
import { scrub, scrubEvent } from "./scrub-event";

export type SentrySettings = { dsn: string; environment?: string; release?: string };

/** One set of options for server, edge and browser, so none of them forgets the scrubbing. */
export function sentryOptions({ dsn, environment, release }: SentrySettings) {
  return {
    dsn,
    environment: environment || undefined,
    release: release || undefined,
    sendDefaultPii: false,
    // Errors only: performance tracing would add a request to every page view on launch night.
    tracesSampleRate: 0,
    beforeSend: (event: ErrorEvent) => scrubEvent(event),
    beforeBreadcrumb: <B extends object>(breadcrumb: B) => scrub(breadcrumb) as B,
  };
}

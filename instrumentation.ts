import * as Sentry from "@sentry/nextjs";

// NEXT_RUNTIME is replaced at build time for each bundle, which keeps Node-only code out of the edge bundle; it is
// Next's own constant, not configuration, so it is read here rather than through lib/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressHook } = await import("./lib/http/peer-address-hook");
    installPeerAddressHook();
    const { installRequestIdHook } = await import("./lib/observability/request-id-hook");
    installRequestIdHook();
    await import("./sentry.server.config");
    // NEXT_PHASE is Next's own constant too: `next build` also calls register(), and must not start sending mail.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startInAppReceiptWorker } = await import("./lib/receipts/start-in-app-worker");
      startInAppReceiptWorker();
    }
  }
  if (process.env.NEXT_RUNTIME === "edge") {
    await import("./sentry.edge.config");
  }
}

// Errors that escape a route handler, page or proxy; a no-op while Sentry is not initialised.
export const onRequestError = Sentry.captureRequestError;

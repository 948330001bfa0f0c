import * as Sentry from "@sentry/nextjs";

// NEXT_RUNTIME is replaced at build time for each bundle, which keeps Node-only code out of the edge bundle; it is
// Next's own constant, not configuration, so it is read here rather than through lib/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The standalone server (node .next/standalone/server.js) does not load next.config.ts, which validates the
    // configuration under `next start`: validate it here too, and stop, rather than serve 500s on a bad setting.
    const env = await import("./lib/env").then(
      (module) => module.env,
      (error: Error) => {
        console.error(error.message);
        process.exit(1);
      },
    );
    const { installPeerAddressHook } = await import("./lib/http/peer-address-hook");
    installPeerAddressHook();
    const { installRequestIdHook } = await import("./lib/observability/request-id-hook");
    installRequestIdHook();
    await import("./sentry.server.config");
    // Several instances share one Redis cache (lib/cache/next-cache-handler.mjs): the build's prerendered pages go
    // into it at start-up, unless an instance already running has put a newer copy there.
    if (env.CACHE_REDIS_URL && process.env.NEXT_PHASE !== "phase-production-build") {
      const { registerInitialCache } = await import("@fortedigital/nextjs-cache-handler/instrumentation");
      const { default: CacheHandler } = await import("./lib/cache/next-cache-handler.mjs");
      await registerInitialCache(CacheHandler, { setOnlyIfNotExists: true });
    }
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

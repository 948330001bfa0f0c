// Before lib/env.ts, which is server-only: see lib/server-process.ts.
import "./lib/server-process";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { withSentryConfig } from "@sentry/nextjs/config";
import { browserEnv, env } from "./lib/env";
import { securityHeaders } from "./lib/http/security-headers";
import { checkoutOrigins } from "./lib/payments/checkout-origins";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and WebAssembly database drivers stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  // What the browser may read (declared in lib/env.ts), written into its bundles at build time.
  env: browserEnv,
  async headers() {
    const headers = securityHeaders({
      production: env.NODE_ENV === "production",
      sentryDsn: env.SENTRY_DSN,
      appUrl: env.APP_URL,
      checkoutOrigins: checkoutOrigins(env),
    });
    return [{ source: "/:path*", headers }];
  },
  experimental: {
    // The root layout is app/[locale]/layout.tsx (so next/root-params knows the locale); a path outside every
    // locale gets app/global-not-found.tsx, a document of its own.
    globalNotFound: true,
    // The embedded database is a folder only one process may open: prerender in a single worker without PostgreSQL.
    ...(env.DATABASE_URL ? {} : { cpus: 1 }),
  },
};

const withNextIntl = createNextIntlPlugin({
  experimental: {
    createMessagesDeclaration: "./messages/en.json",
    // Messages are compiled at build time, so the browser gets no ICU parser and no page parses a message.
    // This compiler stops the build on a broken message with a bare stack trace; `npm run messages:check` runs
    // first (prebuild) and names the locale, key and text instead. `locales` only matters for message extraction.
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
});

// No source maps upload, no release creation, no telemetry: the build makes no network calls, with or without a DSN.
export default withSentryConfig(withNextIntl(nextConfig), {
  silent: true,
  telemetry: false,
  sourcemaps: { disable: true },
  release: { create: false, finalize: false },
});

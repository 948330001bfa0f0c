// Before lib/env.ts, which is server-only: see lib/server-process.ts.
import "./lib/server-process";
import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { browserEnv, env } from "./lib/env";
import { responseSecurityHeaders } from "./lib/http/response-security-headers";
import { CONFIG_HEADERS_SOURCE } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A deployment copies one folder: .next/standalone, with .next/static and public/ beside its server.js (README,
  // "Deploying for a launch"). Our own tooling still runs `next start` on the same build.
  output: "standalone",
  // One Redis cache shared by every instance when CACHE_REDIS_URL is set (lib/cache/next-cache-handler.mjs), else
  // Next.js's own cache. Only then: any cache handler costs each page view a quarter of a millisecond of CPU (an
  // import() per request), a third of a prerendered page's cost. `next start` reads this at start-up; the
  // standalone server.js keeps the build's, so a build for several instances is made with CACHE_REDIS_URL set (the
  // handler reads the value again at start-up, and falls back to Next's cache without it).
  ...(env.CACHE_REDIS_URL ? { cacheHandler: path.resolve("lib/cache/next-cache-handler.mjs") } : {}),
  // Native and WebAssembly database drivers stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  // What the browser may read (declared in lib/env.ts), written into its bundles at build time.
  env: browserEnv,
  async headers() {
    // Not for the hottest route handlers, which set the same headers themselves (ROUTES_SETTING_OWN_HEADERS).
    return [{ source: CONFIG_HEADERS_SOURCE, headers: responseSecurityHeaders }];
  },
  experimental: {
    // The root layout is app/[locale]/layout.tsx (so next/root-params knows the locale); a path outside every
    // locale gets app/global-not-found.tsx, a document of its own.
    globalNotFound: true,
    // The embedded database is a folder only one process may open: prerender in a single worker without PostgreSQL.
    ...(env.DATABASE_URL ? {} : { cpus: 1 }),
  },
};

// The plugins shape the build (bundler aliases, message compilation, Sentry's build hooks) and write what the server
// needs into .next; `next start` only reads that. Loaded there as well, they would cost the running server about
// 64 MB of memory for nothing, so they are loaded for the other phases only.
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const [{ default: createNextIntlPlugin }, { withSentryConfig }] = await Promise.all([
    import("next-intl/plugin"),
    import("@sentry/nextjs/config"),
  ]);
  const withNextIntl = createNextIntlPlugin({
    experimental: {
      createMessagesDeclaration: "./messages/en.json",
      // Messages are compiled at build time, so the browser gets no ICU parser and no page parses a message.
      // This compiler stops the build on a broken message with a bare stack trace; `npm run messages:check` runs
      // first (prebuild) and names the locale, key and text instead. `locales` only matters for message extraction.
      messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
    },
  });
  // No source maps upload, no release creation, no telemetry: the build makes no network calls, with or without a
  // DSN.
  return withSentryConfig(withNextIntl(nextConfig), {
    silent: true,
    telemetry: false,
    sourcemaps: { disable: true },
    release: { create: false, finalize: false },
  });
}

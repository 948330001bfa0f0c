import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { env } from "./lib/env";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and WebAssembly database drivers stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  experimental: {
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

export default withNextIntl(nextConfig);

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
  experimental: { createMessagesDeclaration: "./messages/en.json" },
});

export default withNextIntl(nextConfig);

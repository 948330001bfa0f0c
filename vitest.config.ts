import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run server modules in plain Node.js, where the marker package throws; a server bundle empties it.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", "lib/generated/**"],
    // Each test file gets its own freshly migrated PostgreSQL database (see lib/testing/test-database.ts).
    setupFiles: ["./lib/testing/vitest-setup.ts"],
    // Integration tests start donations far faster than any donor could; the limits' own tests set small ones.
    env: {
      RATE_LIMIT_DONATIONS_PER_MINUTE: "100000",
      RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR: "100000",
      GATEWAY_MAX_CHECKOUTS_PER_SECOND: "10000",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});

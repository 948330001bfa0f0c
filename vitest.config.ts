import path from "node:path";
import { defineConfig } from "vitest/config";

// Tests that need PostgreSQL or a Redis (the one at REDIS_URL, through our REST server when UPSTASH_* is set).
// Everything else is a unit test: it runs with no database at all, so a new test that quietly needs one fails
// loudly (see DATABASE_URL below) until it is listed here.
const INTEGRATION = [
  "app/**/*.test.ts",
  "lib/campaign/running-total.test.ts",
  "lib/campaign/totals.test.ts",
  "lib/db/**/*.test.ts",
  "lib/donations/after-the-gift.test.ts",
  "lib/donations/forged-ids.test.ts",
  "lib/donations/malformed-requests.test.ts",
  "lib/donations/reconcile-pending.test.ts",
  "lib/donations/transition-donation.test.ts",
  "lib/donations-pause/**/*.test.ts",
  "lib/donor-wall/**/*.test.ts",
  "lib/export/donations-csv.test.ts",
  "lib/observability/readiness.test.ts",
  "lib/rate-limit/donation-limits.test.ts",
  "lib/rate-limit/fallback-limiter.test.ts",
  "lib/rate-limit/gateway-bucket.test.ts",
  "lib/receipts/**/*.test.ts",
  "lib/resilience/checkout-admission.test.ts",
  "lib/resilience/circuit-breaker.test.ts",
  "lib/resilience/database-outage.test.ts",
  "lib/testing/**/*.test.ts",
];
// Runs `npm run loadtest` against the production build: after Playwright in scripts/test-all.sh, which builds it.
const LOADTEST = ["bench/loadtest/loadtest.test.ts"];
// nginx (deploy/nginx) in front of two instances of the production build: likewise after Playwright.
const DEPLOY = ["deploy/**/*.test.ts"];
const EXCLUDE = ["node_modules/**", ".next/**", "e2e/**", "lib/generated/**"];

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
    // Integration tests start donations far faster than any donor could; the limits' own tests set small ones.
    env: {
      RATE_LIMIT_DONATIONS_PER_MINUTE: "100000",
      RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR: "100000",
      GATEWAY_MAX_CHECKOUTS_PER_SECOND: "10000",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // next-intl imports `next/server` without an extension, which Node's ESM resolver refuses; Vite resolves it.
    server: { deps: { inline: ["next-intl"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...EXCLUDE, ...INTEGRATION, ...LOADTEST, ...DEPLOY],
          // Nothing listens there: a unit test that reaches for a database fails at once instead of opening one.
          env: { DATABASE_URL: "postgresql://no-database@127.0.0.1:1/unit-tests-have-none" },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: INTEGRATION,
          exclude: EXCLUDE,
          // Each test file gets its own freshly migrated PostgreSQL database (see lib/testing/test-database.ts).
          setupFiles: ["./lib/testing/vitest-setup.ts"],
        },
      },
      {
        extends: true,
        test: { name: "loadtest", include: LOADTEST, exclude: EXCLUDE, testTimeout: 660_000 },
      },
      {
        extends: true,
        test: { name: "deploy", include: DEPLOY, exclude: EXCLUDE, testTimeout: 60_000 },
      },
    ],
  },
});

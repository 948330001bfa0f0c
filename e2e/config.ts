// Shared by playwright.config.ts, the e2e server and the specs: one database and one port for the e2e run.
export const E2E_PORT = Number(process.env.E2E_PORT || 3210);
/** Where the server this run starts listens (scripts/e2e-server.ts), whatever the specs are pointed at. */
export const E2E_LOCAL_URL = `http://127.0.0.1:${E2E_PORT}`;
/**
 * The deployment under test: BASE_URL when set (a staging or production site, or a server started apart), else the
 * server this run builds and starts itself.
 */
export const E2E_TARGET_URL = process.env.BASE_URL?.replace(/\/$/, "") || undefined;
export const E2E_BASE_URL = E2E_TARGET_URL ?? E2E_LOCAL_URL;
const adminUrl = new URL(process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test");
export const E2E_ADMIN_DATABASE_URL = adminUrl.toString();
adminUrl.pathname = `/${process.env.E2E_DATABASE || "surge_e2e"}`;
export const E2E_DATABASE_URL = adminUrl.toString();
export const E2E_REVALIDATE_SECONDS = 3;
/**
 * e2e/stripe.spec.ts and e2e/mollie.spec.ts start the same build again with PAYMENT_PROVIDER=stripe or mollie, each
 * beside a stand-in for that provider's API and hosted page. The stand-ins' addresses are in every e2e server's
 * settings, so the build's CSP (form-action, written at build time) lets the donate form's redirect reach them.
 */
export const E2E_PROVIDER_PORTS = {
  stripe: {
    site: Number(process.env.E2E_STRIPE_PORT || E2E_PORT + 1),
    api: Number(process.env.E2E_STRIPE_API_PORT || E2E_PORT + 2),
  },
  mollie: {
    site: Number(process.env.E2E_MOLLIE_PORT || E2E_PORT + 3),
    api: Number(process.env.E2E_MOLLIE_API_PORT || E2E_PORT + 4),
  },
};

export const e2eServerEnv: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: E2E_DATABASE_URL,
  PAYMENT_WEBHOOK_SECRET: "e2e-webhook-secret-0123456789",
  RECONCILE_SECRET: "e2e-reconcile-secret-0123456789",
  SITE_SECRET: "e2e-site-secret-0123456789abcdef0123",
  SANDBOX_PAYMENTS_ENABLED: "true",
  APP_URL: E2E_LOCAL_URL,
  TOTALS_REVALIDATE_SECONDS: String(E2E_REVALIDATE_SECONDS),
  // Every e2e request comes from 127.0.0.1, so per-client limits would throttle the specs themselves (the limits
  // are proven in Vitest). The gateway cap is low so e2e/armour.spec.ts can fill the bucket with a few posts.
  RATE_LIMIT_DONATIONS_PER_MINUTE: "1000",
  RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR: "1000",
  RATE_LIMIT_DONATIONS_PER_NETWORK_PER_MINUTE: "1000",
  RATE_LIMIT_RESULTS_PER_MINUTE: "1000",
  RATE_LIMIT_DONATIONS_SITE_PER_MINUTE: "180",
  GATEWAY_MAX_CHECKOUTS_PER_SECOND: "3",
  STRIPE_SECRET_KEY: "sk_test_e2e_surge",
  STRIPE_WEBHOOK_SECRET: "whsec_e2e_surge",
  STRIPE_API_URL: `http://127.0.0.1:${E2E_PROVIDER_PORTS.stripe.api}`,
  MOLLIE_API_KEY: "test_e2eSurge0123456789",
  MOLLIE_API_URL: `http://127.0.0.1:${E2E_PROVIDER_PORTS.mollie.api}`,
};

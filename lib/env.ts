import "server-only";
import { z } from "zod";
import { parseProxyList, type ProxyList } from "./http/proxy-list";

// The one place that reads process.env. Every setting is validated once, at start-up (next.config.ts imports
// this module, so a bad value fails `next build` and `next start` before a single request is served).

// An empty string is treated as unset: `FOO=` in a shell or a CI matrix must not become a value.
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const withDefault = <T extends z.ZodTypeAny>(schema: T, fallback: z.input<T>) =>
  z.preprocess((value) => (value === "" || value === undefined ? fallback : value), schema);

const flag = (fallback: boolean) =>
  withDefault(z.enum(["true", "false", "1", "0"]), fallback ? "true" : "false").transform(
    (value) => value === "true" || value === "1",
  );

const int = (fallback: number, min: number, max: number) =>
  withDefault(z.coerce.number().int().min(min).max(max), fallback);

const amountList = z
  .string()
  .transform((value) => value.split(",").map((part) => Number(part.trim())))
  .pipe(z.array(z.number().int().positive()).min(1).max(8));

// "sandbox=1%+28,stripe=1.5%+25": per provider, a percentage (at most two decimals) plus a fixed part in minor units.
const feeSchedule = z.string().transform((value, ctx) => {
  const schedule: Record<string, { basisPoints: number; fixed: number }> = {};
  for (const part of value.split(",")) {
    const match = /^\s*([a-z0-9-]+)=(\d{1,2}(?:\.\d{1,2})?)%\+(\d{1,6})\s*$/.exec(part);
    if (!match) {
      ctx.addIssue({ code: "custom", message: `"${part}" is not provider=percent%+fixed` });
      return z.NEVER;
    }
    schedule[match[1]] = { basisPoints: Math.round(Number(match[2]) * 100), fixed: Number(match[3]) };
  }
  return schedule;
});

const schema = z
  .object({
    NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "development"),

    // Database: PostgreSQL when set, otherwise an embedded PGlite kept in PGLITE_DATA_DIR.
    DATABASE_URL: optional(z.string().url()),
    PGLITE_DATA_DIR: withDefault(z.string(), ".data/pglite"),
    // Database connections, per server process. A request waits at most the connect timeout for a connection
    // (pool exhausted or server unreachable) and a statement runs at most the statement timeout; past either it is
    // answered 503 with Retry-After. Pool size × instances must stay under PostgreSQL's max_connections (100).
    DATABASE_POOL_MAX: int(10, 1, 500),
    DATABASE_CONNECT_TIMEOUT_MS: int(5_000, 100, 60_000),
    DATABASE_STATEMENT_TIMEOUT_MS: int(5_000, 100, 600_000),

    // Campaign: money is always integer minor units (cents).
    CAMPAIGN_SLUG: withDefault(z.string().regex(/^[a-z0-9-]{1,40}$/), "launch"),
    CAMPAIGN_CURRENCY: withDefault(z.string().regex(/^[A-Z]{3}$/, "a three-letter ISO 4217 code"), "EUR"),
    CAMPAIGN_GOAL: int(10_000_000, 1, Number.MAX_SAFE_INTEGER),
    CAMPAIGN_PRESET_AMOUNTS: withDefault(amountList, "1000,2500,5000,10000"),
    DONATION_MIN_AMOUNT: int(100, 1, 100_000_000),
    DONATION_MAX_AMOUNT: int(1_000_000, 1, 100_000_000),
    TOTALS_REVALIDATE_SECONDS: int(10, 1, 86_400),

    // Where this site is reached from outside; used for absolute URLs and the Origin check.
    APP_URL: withDefault(z.string().url(), "http://localhost:3000"),

    // Payments.
    PAYMENT_PROVIDER: withDefault(z.enum(["sandbox"]), "sandbox"),
    PAYMENT_WEBHOOK_SECRET: optional(z.string().min(16)),
    SANDBOX_PAYMENTS_ENABLED: flag(false),
    RECONCILE_SECRET: optional(z.string().min(16)),
    RECONCILE_PENDING_AGE_MINUTES: int(30, 1, 10_080),

    // Redis through Upstash's REST protocol; without it an in-process store is used.
    UPSTASH_REDIS_REST_URL: optional(z.string().url()),
    UPSTASH_REDIS_REST_TOKEN: optional(z.string().min(1)),
    // The Redis behind the local REST server (`npm run redis:rest`), which stands in for Upstash in development/tests.
    REDIS_URL: withDefault(z.string().url(), "redis://127.0.0.1:6379"),
    // The Next.js cache (ISR pages, cached routes, data) shared by every instance, over Redis's own protocol
    // (lib/cache/next-cache-handler.mjs reads it); unset, each instance keeps its own.
    CACHE_REDIS_URL: optional(z.string().regex(/^rediss?:\/\/\S+$/, "a redis:// or rediss:// URL")),
    // How this deployment runs, said out loud: `single` allows the embedded database in production (one process,
    // one folder: `npm run local`, a demo); `multi` (several instances) requires what they must share.
    DEPLOYMENT_MODE: optional(z.enum(["single", "multi"])),

    // Launch-day armour.
    RATE_LIMIT_DONATIONS_PER_MINUTE: int(20, 1, 100_000),
    RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR: int(10, 1, 100_000),
    GATEWAY_MAX_CHECKOUTS_PER_SECOND: int(25, 1, 10_000),
    DONATIONS_PAUSED: flag(false),

    // After the gift: the charity named on receipts, the mail server that sends them (unset: receipts are written to
    // the log), whether the app process runs the receipt worker itself, and each provider's fee schedule.
    CHARITY_NAME: withDefault(z.string().min(1).max(200), "Clearwater Relief"),
    CHARITY_REGISTRATION: withDefault(z.string().min(1).max(100), "1184520"),
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, "an smtp:// or smtps:// URL")),
    RECEIPTS_FROM: withDefault(z.string().min(3), "Clearwater Relief <receipts@clearwater-relief.org>"),
    RECEIPT_WORKER_IN_APP: flag(true),
    PAYMENT_FEES: withDefault(feeSchedule, "sandbox=1%+28,stripe=1.5%+25,mollie=1.8%+29"),
    // Hardening: the site's own keyed hashes, the result pages' limit, the network and site-wide limits. TRUST_PROXY
    // is parsed here, not on the first donation: a malformed range must stop start-up, never trust every peer.
    SITE_SECRET: optional(z.string().min(32)),
    TRUST_PROXY: optional(
      z.string().transform((value, ctx) => {
        try {
          return parseProxyList(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      }),
    ),
    RATE_LIMIT_DONATIONS_PER_NETWORK_PER_MINUTE: int(100, 1, 1_000_000),
    RATE_LIMIT_DONATIONS_SITE_PER_MINUTE: optional(z.coerce.number().int().min(1).max(600_000)),
    RATE_LIMIT_RESULTS_PER_MINUTE: int(60, 1, 100_000),
    REDIS_COMMAND_DEADLINE_MS: int(250, 10, 10_000),

    // Error tracking: nothing is sent without a DSN.
    SENTRY_DSN: optional(z.string().url()),
    SENTRY_ENVIRONMENT: optional(z.string()),
    SENTRY_RELEASE: optional(z.string()),
  })
  .superRefine((env, ctx) => {
    if (env.DONATION_MIN_AMOUNT > env.DONATION_MAX_AMOUNT) {
      ctx.addIssue({
        code: "custom",
        path: ["DONATION_MIN_AMOUNT"],
        message: "must not exceed DONATION_MAX_AMOUNT",
      });
    }
    for (const amount of env.CAMPAIGN_PRESET_AMOUNTS) {
      if (amount < env.DONATION_MIN_AMOUNT || amount > env.DONATION_MAX_AMOUNT) {
        ctx.addIssue({
          code: "custom",
          path: ["CAMPAIGN_PRESET_AMOUNTS"],
          message: `${amount} is outside DONATION_MIN_AMOUNT..DONATION_MAX_AMOUNT`,
        });
      }
    }
    // The site-wide limit must trip while the gateway's cap still has room, or it would never be the one that holds.
    const gatewayPerMinute = env.GATEWAY_MAX_CHECKOUTS_PER_SECOND * 60;
    if (
      env.RATE_LIMIT_DONATIONS_SITE_PER_MINUTE !== undefined &&
      env.RATE_LIMIT_DONATIONS_SITE_PER_MINUTE > gatewayPerMinute
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["RATE_LIMIT_DONATIONS_SITE_PER_MINUTE"],
        message: `must not exceed GATEWAY_MAX_CHECKOUTS_PER_SECOND × 60 (${gatewayPerMinute})`,
      });
    }
    if (Boolean(env.UPSTASH_REDIS_REST_URL) !== Boolean(env.UPSTASH_REDIS_REST_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: ["UPSTASH_REDIS_REST_TOKEN"],
        message: "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN go together",
      });
    }
    // `next build` and `next start` run with NODE_ENV=production: the local defaults below are refused there, so
    // a deployment cannot go live on a known secret or on the simulated gateway by accident.
    if (env.NODE_ENV === "production") {
      if (!env.PAYMENT_WEBHOOK_SECRET) {
        ctx.addIssue({
          code: "custom",
          path: ["PAYMENT_WEBHOOK_SECRET"],
          message: "is required in production",
        });
      }
      // A live deployment (not a sandbox demo) must really send its receipts, not write them to the log.
      if (!env.SMTP_URL && !env.SANDBOX_PAYMENTS_ENABLED) {
        ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required in production" });
      }
      for (const name of ["RECONCILE_SECRET", "SITE_SECRET"] as const) {
        if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required in production" });
      }
      // Without DATABASE_URL, donations would go into a folder inside this one process's container.
      if (!env.DATABASE_URL && env.DEPLOYMENT_MODE !== "single") {
        ctx.addIssue({
          code: "custom",
          path: ["DATABASE_URL"],
          message:
            "is required in production: without it donations go to an embedded database in a local folder " +
            "(set DEPLOYMENT_MODE=single to run one instance on it deliberately)",
        });
      }
      // Several instances that do not share limits, the pause switch and the page cache would each go their own way.
      if (env.DEPLOYMENT_MODE === "multi") {
        const shared = {
          DATABASE_URL: "the database",
          UPSTASH_REDIS_REST_URL: "limits and the pause switch",
          CACHE_REDIS_URL: "the page cache",
        } as const;
        for (const [name, what] of Object.entries(shared) as [keyof typeof shared, string][]) {
          if (!env[name]) {
            ctx.addIssue({
              code: "custom",
              path: [name],
              message: `is required with DEPLOYMENT_MODE=multi: the instances must share ${what}`,
            });
          }
        }
      }
      if (env.PAYMENT_PROVIDER === "sandbox" && !env.SANDBOX_PAYMENTS_ENABLED) {
        ctx.addIssue({
          code: "custom",
          path: ["PAYMENT_PROVIDER"],
          message: "sandbox payments are refused in production unless SANDBOX_PAYMENTS_ENABLED=true",
        });
      }
    }
  });

export type Env = z.infer<typeof schema>;
export type { ProxyList };

function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** Secrets with a safe default for local use only; production refuses to start without the real ones. */
export const secrets = {
  paymentWebhook: env.PAYMENT_WEBHOOK_SECRET ?? "local-development-webhook-secret",
  reconcile: env.RECONCILE_SECRET ?? "local-development-reconcile-secret",
  site: env.SITE_SECRET ?? "local-development-site-secret-not-for-production",
};

/** Donation starts per minute for the whole site: by default 80 % of the gateway's cap, so it trips first. */
export const siteDonationStartsPerMinute =
  env.RATE_LIMIT_DONATIONS_SITE_PER_MINUTE ??
  Math.max(1, Math.floor(env.GATEWAY_MAX_CHECKOUTS_PER_SECOND * 60 * 0.8));

/**
 * The settings the browser sees, declared here beside the server's. next.config.ts hands them to Next.js, which
 * writes them into the client bundles at build time, so each must be safe to publish. An unset one is written as
 * an empty string rather than left out: the bundler then sees `if ("")` and drops the code behind it (without a
 * DSN, the browser's Sentry SDK is not even emitted), where a missing one would be looked up at run time.
 */
const published = (value: string | undefined) => value ?? "";
export const browserEnv = {
  NEXT_PUBLIC_SENTRY_DSN: published(env.SENTRY_DSN),
  NEXT_PUBLIC_SENTRY_ENVIRONMENT: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
  NEXT_PUBLIC_SENTRY_RELEASE: published(env.SENTRY_RELEASE),
} satisfies Record<`NEXT_PUBLIC_${string}`, string>;

export { parseEnv };

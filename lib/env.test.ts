import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

// What a production start-up (`next build`, `next start`) accepts, with every required secret set.
const production = {
  NODE_ENV: "production",
  PAYMENT_WEBHOOK_SECRET: "production-webhook-secret-0123",
  RECONCILE_SECRET: "production-reconcile-secret-0123",
  SITE_SECRET: "production-site-secret-0123456789abcdef",
  SANDBOX_PAYMENTS_ENABLED: "true",
  DATABASE_URL: "postgresql://surge@db.internal:5432/surge",
};

const problemsOf = (source: Record<string, string | undefined>) => {
  try {
    parseEnv(source);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("parseEnv in production", () => {
  it("starts with every secret set", () => {
    expect(problemsOf(production)).toBe("");
  });

  it.each([["PAYMENT_WEBHOOK_SECRET"], ["RECONCILE_SECRET"], ["SITE_SECRET"]])(
    "refuses to start without %s, naming it, rather than use the local default",
    (name) => {
      expect(problemsOf({ ...production, [name]: undefined })).toContain(
        `${name}: is required in production`,
      );
      expect(problemsOf({ ...production, [name]: "" })).toContain(`${name}: is required in production`);
    },
  );

  it("refuses the embedded database unless one instance on it is chosen", () => {
    expect(problemsOf({ ...production, DATABASE_URL: undefined })).toContain(
      "DATABASE_URL: is required in production",
    );
    expect(problemsOf({ ...production, DATABASE_URL: undefined, DEPLOYMENT_MODE: "single" })).toBe("");
  });

  it("refuses several instances without the database, Redis and the cache they must share", () => {
    const problems = problemsOf({ ...production, DATABASE_URL: undefined, DEPLOYMENT_MODE: "multi" });
    for (const name of ["DATABASE_URL", "UPSTASH_REDIS_REST_URL", "CACHE_REDIS_URL"]) {
      expect(problems).toContain(`${name}: is required with DEPLOYMENT_MODE=multi`);
    }
    const shared = {
      ...production,
      DEPLOYMENT_MODE: "multi",
      UPSTASH_REDIS_REST_URL: "https://redis.example.org",
      UPSTASH_REDIS_REST_TOKEN: "token",
      CACHE_REDIS_URL: "rediss://default:secret@redis.example.org:6379",
    };
    expect(problemsOf(shared)).toBe("");
    expect(problemsOf({ ...shared, CACHE_REDIS_URL: "http://redis.example.org" })).toContain(
      "CACHE_REDIS_URL:",
    );
  });

  it("starts in development without them", () => {
    expect(problemsOf({ NODE_ENV: "development" })).toBe("");
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    ["a prefix left empty", "10.0.0.0/"],
    ["a prefix that is not a number", "10.0.0.0/x"],
    ["an IPv4 prefix over 32", "10.0.0.0/33"],
    ["an IPv6 prefix over 128", "fd00::/129"],
    ["a host name", "proxy.internal"],
    ["an empty entry", "10.0.0.1,,10.0.0.2"],
    ["two slashes", "10.0.0.0/8/8"],
  ])("stops start-up on %s, naming the variable and the entry", (_case, value) => {
    const problems = problemsOf({ TRUST_PROXY: value });
    expect(problems).toContain("TRUST_PROXY:");
    expect(problems).toContain(value.includes(",,") ? value : `"${value}"`);
  });

  it("is parsed at start-up into addresses and ranges of both families", () => {
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1, fd00::/8" }).TRUST_PROXY).toEqual([
      { address: "10.0.0.0", family: "ipv4", prefix: 8 },
      { address: "127.0.0.1", family: "ipv4", prefix: null },
      { address: "fd00::", family: "ipv6", prefix: 8 },
    ]);
  });
});

describe("RATE_LIMIT_DONATIONS_SITE_PER_MINUTE", () => {
  it("refuses a site-wide limit above the gateway's cap, which would never trip first", () => {
    expect(
      problemsOf({ GATEWAY_MAX_CHECKOUTS_PER_SECOND: "10", RATE_LIMIT_DONATIONS_SITE_PER_MINUTE: "601" }),
    ).toContain("RATE_LIMIT_DONATIONS_SITE_PER_MINUTE: must not exceed");
  });
});

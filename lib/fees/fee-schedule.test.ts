import { describe, expect, it } from "vitest";
import { parseEnv as parseProcessEnv } from "@/lib/env";

const parseEnv = (values: Record<string, string>) => parseProcessEnv(values as NodeJS.ProcessEnv);

const production = {
  NODE_ENV: "production",
  PAYMENT_WEBHOOK_SECRET: "a-real-webhook-secret-0123456789",
  PAYMENT_PROVIDER: "sandbox",
  SANDBOX_PAYMENTS_ENABLED: "true",
  RECONCILE_SECRET: "a-real-reconcile-secret-0123456789",
  SITE_SECRET: "a-real-site-secret-0123456789-0123456789",
  DATABASE_URL: "postgresql://surge@db.internal:5432/surge",
} as const;

describe("PAYMENT_FEES", () => {
  it("has a schedule for the sandbox, Stripe and Mollie by default, in basis points and minor units", () => {
    expect(parseEnv({}).PAYMENT_FEES).toEqual({
      sandbox: { basisPoints: 100, fixed: 28 },
      stripe: { basisPoints: 150, fixed: 25 },
      mollie: { basisPoints: 180, fixed: 29 },
    });
  });

  it("reads percentages with up to two decimals", () => {
    expect(parseEnv({ PAYMENT_FEES: "stripe=2.9%+30, mollie=0.25%+0" }).PAYMENT_FEES).toEqual({
      stripe: { basisPoints: 290, fixed: 30 },
      mollie: { basisPoints: 25, fixed: 0 },
    });
  });

  it.each(["stripe=2.9+30", "stripe=2.999%+30", "stripe=100%+0", "Stripe=1%+1", "stripe=1%-5"])(
    "refuses %s at start-up",
    (value) => {
      expect(() => parseEnv({ PAYMENT_FEES: value })).toThrow(/PAYMENT_FEES/);
    },
  );
});

describe("SMTP_URL", () => {
  it("is required by a live production deployment, which must really send its receipts", () => {
    expect(() => parseEnv({ ...production, SANDBOX_PAYMENTS_ENABLED: "false" })).toThrow(
      /SMTP_URL: is required/,
    );
    expect(parseEnv({ ...production, SMTP_URL: "smtps://user:pass@mail.example.org:465" }).SMTP_URL).toBe(
      "smtps://user:pass@mail.example.org:465",
    );
  });

  it("may be left out of a sandbox demo, whose receipts go to the log", () => {
    expect(parseEnv(production).SMTP_URL).toBeUndefined();
  });

  it("must be an smtp:// or smtps:// URL", () => {
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL/);
  });
});

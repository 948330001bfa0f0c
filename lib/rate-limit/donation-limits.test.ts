import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import {
  clientLimitKey,
  emailLimitKey,
  limitDonationStartsByClient,
  limitDonationStartsByEmail,
} from "./donation-limits";

// Small limits for this file, set before lib/env.ts reads them (the suite's defaults are generous).
vi.hoisted(() => {
  process.env.RATE_LIMIT_DONATIONS_PER_MINUTE = "5";
  process.env.RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR = "3";
});

// Runs against Redis through the REST server when UPSTASH_REDIS_REST_URL is set, in memory otherwise. Fresh
// addresses and emails each run, since Redis keeps windows between runs.
const freshAddress = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 254)}-${randomUUID()}`;

describe("limitDonationStartsByClient", () => {
  it("refuses a client past RATE_LIMIT_DONATIONS_PER_MINUTE, with Retry-After within the minute", async () => {
    const clientAddress = freshAddress();
    for (let i = 0; i < env.RATE_LIMIT_DONATIONS_PER_MINUTE; i++) {
      expect((await limitDonationStartsByClient(clientAddress)).success).toBe(true);
    }
    const refused = await limitDonationStartsByClient(clientAddress);
    expect(refused.success).toBe(false);
    if (!refused.success) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    if (!refused.success) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limitDonationStartsByClient(freshAddress())).success).toBe(true);
  });
});

describe("limitDonationStartsByEmail", () => {
  it("refuses an email past its hourly limit, however it is capitalised", async () => {
    const email = `Tester+${randomUUID()}@Example.org`;
    for (let i = 0; i < env.RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR; i++) {
      expect((await limitDonationStartsByEmail(email)).success).toBe(true);
    }
    const refused = await limitDonationStartsByEmail(email.toLowerCase());
    expect(refused.success).toBe(false);
    if (!refused.success) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });
});

describe("clientLimitKey", () => {
  it.each([
    ["an IPv4 address as it is", "203.0.113.9", "203.0.113.9"],
    ["an IPv6 address as its /64", "2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64"],
    ["a compressed IPv6 address as its /64", "2001:DB8::1", "2001:db8:0:0::/64"],
    ["loopback IPv6 as its /64", "::1", "0:0:0:0::/64"],
  ])("keys %s", (_case, address, key) => {
    expect(clientLimitKey(address)).toBe(key);
  });
});

describe("emailLimitKey", () => {
  it("keys an email by a hash that ignores case and spaces and does not contain it", () => {
    const key = emailLimitKey(" Jane@Example.org ");
    expect(key).toBe(emailLimitKey("jane@example.org"));
    expect(key).not.toContain("jane");
  });
});

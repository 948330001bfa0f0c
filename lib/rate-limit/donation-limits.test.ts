import { createHash, randomInt, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import {
  clientLimitKey,
  emailLimitKey,
  limitDonationStartsByClient,
  limitDonationStartsByDonor,
  limitDonationStartsSiteWide,
  networkLimitKey,
} from "./donation-limits";
import { normalizeEmail } from "./normalize-email";

// Small limits for this file, set before lib/env.ts reads them (the suite's defaults are generous), and a campaign
// of its own: the site-wide limit has one key per campaign, which another file running at once must not share.
vi.hoisted(() => {
  process.env.RATE_LIMIT_DONATIONS_PER_MINUTE = "5";
  process.env.RATE_LIMIT_DONATIONS_PER_NETWORK_PER_MINUTE = "8";
  process.env.RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR = "3";
  process.env.RATE_LIMIT_DONATIONS_SITE_PER_MINUTE = "40";
  process.env.CAMPAIGN_SLUG = `limits-${Math.random().toString(36).slice(2, 10)}`;
});

// Runs against Redis through the REST server when UPSTASH_REDIS_REST_URL is set, in memory otherwise. Fresh
// addresses and emails each run, since Redis keeps windows between runs.
const freshAddress = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 254)}-${randomUUID()}`;
const hex = () => randomInt(0, 0xffff).toString(16);
const fresh48 = () => `2001:${hex()}:${hex()}`;

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

  it("refuses an IPv6 /48 past its own limit however many /64s it rotates through", async () => {
    const network = fresh48();
    const results = [];
    for (let subnet = 0; subnet < 9; subnet++) {
      results.push((await limitDonationStartsByClient(`${network}:${subnet.toString(16)}::1`)).success);
    }
    expect(results).toEqual([true, true, true, true, true, true, true, true, false]);
    expect((await limitDonationStartsByClient(`${fresh48()}:1::1`)).success).toBe(true);
  });
});

describe("limitDonationStartsByDonor", () => {
  it.each([
    ["capitalisation", ["Ada@Example.org", "ada@example.org", "ADA@EXAMPLE.ORG"]],
    ["+tags", ["ada+1@example.org", "ada+2@example.org", "ada@example.org"]],
    ["dots at gmail", ["a.da@gmail.com", "ada@gmail.com", "A.D.A@googlemail.com"]],
  ])("counts one donor across %s", async (_case, spellings) => {
    const tag = randomUUID().replaceAll("-", "");
    const emails = spellings.map((email) => email.replace(/^([^@+]*)/, `$1${tag}`));
    for (const email of emails)
      expect((await limitDonationStartsByDonor(email, freshAddress())).success).toBe(true);
    expect((await limitDonationStartsByDonor(emails[0], freshAddress())).success).toBe(false);
  });

  it("counts starts without an email under the client address, so omitting it is no way around the limit", async () => {
    const clientAddress = freshAddress();
    for (let i = 0; i < env.RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR; i++) {
      expect((await limitDonationStartsByDonor(undefined, clientAddress)).success).toBe(true);
    }
    expect((await limitDonationStartsByDonor(undefined, clientAddress)).success).toBe(false);
    expect((await limitDonationStartsByDonor(undefined, freshAddress())).success).toBe(true);
  });
});

describe("limitDonationStartsSiteWide", () => {
  it("refuses past RATE_LIMIT_DONATIONS_SITE_PER_MINUTE whoever is asking", async () => {
    const results = [];
    for (let i = 0; i < 41; i++) results.push((await limitDonationStartsSiteWide()).success);
    expect(results.filter(Boolean)).toHaveLength(40);
    expect(results.at(-1)).toBe(false);
  });
});

describe("clientLimitKey and networkLimitKey", () => {
  it.each([
    ["an IPv4 address as it is", "203.0.113.9", "203.0.113.9", null],
    [
      "an IPv6 address as its /64 and /48",
      "2001:db8:aa:bb:1:2:3:4",
      "2001:db8:aa:bb::/64",
      "2001:db8:aa::/48",
    ],
    ["a compressed IPv6 address", "2001:DB8::1", "2001:db8:0:0::/64", "2001:db8:0::/48"],
    ["loopback IPv6", "::1", "0:0:0:0::/64", "0:0:0::/48"],
  ])("keys %s", (_case, address, client, network) => {
    expect(clientLimitKey(address)).toBe(client);
    expect(networkLimitKey(address)).toBe(network);
  });
});

describe("normalizeEmail", () => {
  it.each([
    [" Jane@Example.org ", "jane@example.org"],
    ["jane+receipts@example.org", "jane@example.org"],
    ["j.a.n.e@gmail.com", "jane@gmail.com"],
    ["J.Ane+x@GoogleMail.com", "jane@gmail.com"],
    ["j.ane@example.org", "j.ane@example.org"],
  ])("reads %j as %j", (email, normalized) => {
    expect(normalizeEmail(email)).toBe(normalized);
  });
});

describe("emailLimitKey", () => {
  it("keys an email by a keyed hash of its normalized form, not by a plain SHA-256 a dictionary reverses", () => {
    const key = emailLimitKey(" Jane+x@Example.org ");
    expect(key).toBe(emailLimitKey("jane@example.org"));
    expect(key).not.toContain("jane");
    expect(key).not.toBe(createHash("sha256").update("jane@example.org").digest("hex").slice(0, 32));
  });
});

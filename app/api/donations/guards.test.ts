import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  formDonationRequest,
  jsonDonationRequest,
  validDonation,
} from "@/lib/testing/donations/donation-requests";
import { pauseDonations, resumeDonations } from "@/lib/donations-pause";
import { openRetryInput } from "@/lib/donations/sealed-input";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address-hook";
import { POST } from "./route";

// Small limits, and a campaign of this file's own so the pause switch it flips (in Redis, in that mode) is seen by
// no other test run. Set before lib/env.ts reads them.
vi.hoisted(() => {
  process.env.RATE_LIMIT_DONATIONS_PER_MINUTE = "3";
  process.env.RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR = "2";
  process.env.GATEWAY_MAX_CHECKOUTS_PER_SECOND = "1";
  process.env.CAMPAIGN_SLUG = `guards-${Math.random().toString(36).slice(2, 10)}`;
});

const db = getDb();
const octet = () => Math.floor(Math.random() * 254) + 1;
const freshPeer = () => `10.${octet()}.${octet()}.${octet()}`;
const uniqueEmail = () => `donor-${randomUUID()}@example.org`;
const fromPeer = (peer: string, body: object = { ...validDonation, email: uniqueEmail() }, headers = {}) =>
  jsonDonationRequest(body, { [PEER_ADDRESS_HEADER]: peer, ...headers });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await pause(1100); // a fresh token in the gateway bucket (1 per second here)
});

describe("POST /api/donations rate limits", () => {
  it("answers 429 with Retry-After and a generic message once a client passes its limit", async () => {
    const peer = freshPeer();
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await POST(fromPeer(peer, { ...validDonation, amount: 1 }))).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const refused = await POST(fromPeer(peer));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await refused.json()).error.code).toBe("rate_limited");
  });

  it("counts a spoofed X-Forwarded-For against the connection it came from", async () => {
    const peer = freshPeer();
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const spoofed = { "X-Forwarded-For": `192.0.2.${i + 1}` };
      statuses.push((await POST(fromPeer(peer, { ...validDonation, amount: 1 }, spoofed))).status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it("limits one donor email across many clients", async () => {
    const email = uniqueEmail();
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      await pause(1100);
      statuses.push((await POST(fromPeer(freshPeer(), { ...validDonation, email }))).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe("POST /api/donations per-donor limit", () => {
  it("counts one donor however the email is spelt", async () => {
    const name = `ada${randomUUID().slice(0, 8)}`;
    const statuses = [];
    for (const email of [
      `${name}+1@gmail.com`,
      `${name.toUpperCase()}@GoogleMail.com`,
      `${name.slice(0, 2)}.${name.slice(2)}@gmail.com`,
    ]) {
      await pause(1100);
      statuses.push((await POST(fromPeer(freshPeer(), { ...validDonation, email }))).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });

  it("holds a client that leaves the email out to the hourly limit too", async () => {
    const peer = freshPeer();
    const withoutEmail = { ...validDonation, email: undefined };
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      await pause(1100);
      statuses.push((await POST(fromPeer(peer, withoutEmail))).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe("POST /api/donations honeypot", () => {
  const filled = { ...validDonation, website: "http://spam.example" };

  it("answers a filled honeypot exactly as a rate limit refuses, and stores nothing", async () => {
    const peer = freshPeer();
    const decoy = await POST(fromPeer(peer, { ...filled, email: uniqueEmail() }));
    for (let i = 0; i < 3; i++) await POST(fromPeer(peer, { ...validDonation, amount: 1 }));
    const limited = await POST(fromPeer(peer));

    expect(decoy.status).toBe(429);
    expect(limited.status).toBe(429);
    expect(await decoy.json()).toEqual(await limited.json());
    expect(Number(decoy.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(decoy.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await db.donation.count()).toBe(0);
  });

  it("sends a form with a filled honeypot to the 'please wait' page, never to the thank-you page", async () => {
    const form = await POST(
      formDonationRequest(
        {
          amount: "2500",
          currency: "EUR",
          locale: "fr",
          email: "autofill@example.org",
          website: "autofilled",
        },
        { [PEER_ADDRESS_HEADER]: freshPeer() },
      ),
    );

    expect(form.status).toBe(303);
    const location = new URL(form.headers.get("location") as string, "http://localhost");
    expect(location.pathname).toBe("/fr/donate/busy");
    expect(location.searchParams.get("reason")).toBe("limited");
    const kept = openRetryInput(location.searchParams.get("input") ?? undefined);
    expect(kept).toMatchObject({ amount: 2500, email: "autofill@example.org" });
    expect(kept).not.toHaveProperty("website");
    expect(await db.donation.count()).toBe(0);
  });
});

describe("POST /api/donations pause", () => {
  it("answers 503 with Retry-After while paused, sends a form to the retry page, and starts again on resume", async () => {
    await pauseDonations("test");
    try {
      const json = await POST(fromPeer(freshPeer()));
      expect(json.status).toBe(503);
      expect(json.headers.get("retry-after")).toBe("300");
      expect((await json.json()).error.code).toBe("donations_paused");
      const form = await POST(
        formDonationRequest(
          { amount: "2500", currency: "EUR", locale: "fr", email: "x@example.org" },
          { [PEER_ADDRESS_HEADER]: freshPeer() },
        ),
      );
      expect(form.status).toBe(303);
      expect(form.headers.get("location")).toMatch(
        /^\/fr\/donate\/busy\?reason=paused&retryAfter=300&input=/,
      );
    } finally {
      await resumeDonations();
    }
    expect((await POST(fromPeer(freshPeer()))).status).toBe(201);
    expect(await db.donation.count()).toBe(1);
  });
});

describe("POST /api/donations gateway token bucket", () => {
  it("answers JSON with 503 gateway_busy and a form with the busy page keeping the input, when the bucket is empty", async () => {
    const [first, second] = await Promise.all([POST(fromPeer(freshPeer())), POST(fromPeer(freshPeer()))]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 503]);
    const busy = first.status === 503 ? first : second;
    expect((await busy.json()).error.code).toBe("gateway_busy");
    expect(busy.headers.get("retry-after")).toBe("1");

    const form = await POST(
      formDonationRequest(
        { amount: "2500", currency: "EUR", locale: "ar", name: "Ada", email: "ada.form@example.org" },
        { [PEER_ADDRESS_HEADER]: freshPeer() },
      ),
    );
    expect(form.status).toBe(303);
    const location = new URL(form.headers.get("location") as string, "http://localhost");
    expect(location.pathname).toBe("/ar/donate/busy");
    expect(location.searchParams.get("reason")).toBe("busy");
    expect(openRetryInput(location.searchParams.get("input") ?? undefined)).toMatchObject({
      amount: 2500,
      locale: "ar",
      name: "Ada",
      email: "ada.form@example.org",
    });
    expect(await db.donation.count()).toBe(1);
  });
});

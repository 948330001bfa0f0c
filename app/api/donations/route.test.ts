import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import {
  formDonationRequest,
  jsonDonationRequest,
  validDonation,
} from "@/lib/testing/donations/donation-requests";
import { scopeIdempotencyKey, STALLED_START_SECONDS } from "@/lib/donations/idempotency-key";
import { transitionDonation } from "@/lib/donations/transition-donation";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address-hook";
import { POST } from "./route";

const db = getDb();

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
});

describe("POST /api/donations", () => {
  it("starts a pending donation and answers 201 with the checkout to redirect to", async () => {
    const response = await POST(jsonDonationRequest(validDonation));

    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^don_/),
      status: "pending",
      redirectUrl: expect.any(String),
    });
    expect(body.redirectUrl).toMatch(/^\/sandbox\/checkout\/sbx_/);
    const row = await db.donation.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({
      amount: 2500,
      currency: "EUR",
      status: "pending",
      locale: "en",
      donorName: "Ada",
    });
  });

  it("hands out no checkout when the donation's own row cannot be written", async () => {
    // The row and the checkout are made at the same time: here the row's INSERT times out while the sandbox opens
    // its session, which must then be given to no one.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_test_donation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.donor_name = 'Row refused' THEN
          RAISE EXCEPTION 'canceling statement due to statement timeout' USING ERRCODE = '57014';
        END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_test_donation BEFORE INSERT ON donations
      FOR EACH ROW EXECUTE FUNCTION refuse_test_donation()`);
    try {
      const sessionsBefore = await db.sandboxSession.count({ where: { amount: 7919 } });

      const response = await POST(
        jsonDonationRequest({ ...validDonation, amount: 7919, name: "Row refused" }),
      );

      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(JSON.stringify(await response.json())).not.toContain("sbx_");
      expect(await db.donation.count({ where: { donorName: "Row refused" } })).toBe(0);
      expect(await db.sandboxSession.count({ where: { amount: 7919 } })).toBe(sessionsBefore + 1);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS refuse_test_donation ON donations");
      await db.$executeRawUnsafe("DROP FUNCTION IF EXISTS refuse_test_donation()");
    }
  });

  it("answers the no-JavaScript form with a 303 to the checkout, taking a custom amount in major units", async () => {
    const response = await POST(
      formDonationRequest({
        amount: "custom",
        customAmount: "25,50",
        currency: "EUR",
        locale: "fr",
        anonymous: "true",
      }),
    );

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/sandbox\/checkout\/sbx_/);
    const row = await db.donation.findFirstOrThrow();
    expect(row).toMatchObject({ amount: 2550, locale: "fr", anonymous: true, donorName: null });
  });

  it("sends an invalid form post to the localized error page, writing nothing", async () => {
    const response = await POST(
      formDonationRequest({ amount: "custom", customAmount: "abc", currency: "EUR", locale: "ar" }),
    );

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/ar/donate/error?reason=invalid");
    expect(await db.donation.count()).toBe(0);
  });

  const tooBig = JSON.stringify({ ...validDonation, name: "x".repeat(17 * 1024) });
  it.each([
    ["a missing amount", { ...validDonation, amount: undefined }, 400, "validation_failed", "amount"],
    ["an amount in major units", { ...validDonation, amount: 25.5 }, 400, "validation_failed", "amount"],
    ["an amount as a string", { ...validDonation, amount: "2500" }, 400, "validation_failed", "amount"],
    ["an amount below the minimum", { ...validDonation, amount: 99 }, 400, "validation_failed", "amount"],
    [
      "an amount above the maximum",
      { ...validDonation, amount: 1_000_001 },
      400,
      "validation_failed",
      "amount",
    ],
    ["a negative amount", { ...validDonation, amount: -2500 }, 400, "validation_failed", "amount"],
    ["another currency", { ...validDonation, currency: "USD" }, 400, "validation_failed", "currency"],
    ["an unknown locale", { ...validDonation, locale: "de" }, 400, "validation_failed", "locale"],
    [
      "a name over 100 characters",
      { ...validDonation, name: "x".repeat(101) },
      400,
      "validation_failed",
      "name",
    ],
    ["a malformed email", { ...validDonation, email: "ada@" }, 400, "validation_failed", "email"],
    [
      "a NUL byte in the name",
      { ...validDonation, name: "Ada\u0000Lovelace" },
      400,
      "validation_failed",
      "name",
    ],
    [
      "a line break in the name",
      { ...validDonation, name: "Ada\nLovelace" },
      400,
      "validation_failed",
      "name",
    ],
    ["a C1 control in the name", { ...validDonation, name: "Ada\u0085" }, 400, "validation_failed", "name"],
    [
      "a lone surrogate in the name",
      { ...validDonation, name: "Ada\ud800" },
      400,
      "validation_failed",
      "name",
    ],
    [
      "a NUL byte in the email",
      { ...validDonation, email: "ada\u0000@example.org" },
      400,
      "validation_failed",
      "email",
    ],
    [
      "a NUL byte in the honeypot",
      { ...validDonation, website: "\u0000" },
      400,
      "validation_failed",
      "website",
    ],
    ["anonymous as a string", { ...validDonation, anonymous: "yes" }, 400, "validation_failed", "anonymous"],
    ["a body that is not JSON", "{amount: 2500", 400, "bad_request", undefined],
    ["a JSON array", "[2500]", 400, "bad_request", undefined],
    ["JSON null", "null", 400, "bad_request", undefined],
    ["a body over 16 KB", tooBig, 413, "payload_too_large", undefined],
  ])("refuses %s with %i and writes nothing", async (_case, body, status, code, field) => {
    const response = await POST(jsonDonationRequest(body));

    expect(response.status).toBe(status);
    const { error } = await response.json();
    expect(error.code).toBe(code);
    expect(error.message).toEqual(expect.any(String));
    if (field) expect(Object.keys(error.fields)).toContain(field);
    expect(await db.donation.count()).toBe(0);
  });

  it.each([
    ["text/plain", "amount=2500"],
    ["multipart/form-data; boundary=x", "--x--"],
    ["", "{}"],
  ])("refuses the content type %j with 415", async (type, body) => {
    const request = new Request(`${env.APP_URL}/api/donations`, {
      method: "POST",
      headers: { "Content-Type": type },
      body,
    });
    const response = await POST(request);

    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe("unsupported_media_type");
  });

  it("localizes the error message and field messages in the locale the body names", async () => {
    const response = await POST(jsonDonationRequest({ ...validDonation, locale: "fr", amount: 50 }));

    const { error } = await response.json();
    expect(error.message).toBe("Certaines informations manquent ou ne sont pas valides.");
    // French wording, French number format (narrow no-break space before the euro sign).
    expect(error.fields.amount).toMatch(/^Le .*1\s€/);
  });

  it.each([
    ["an Origin of another site", { Origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Origin: null", { Origin: "null" }],
  ])("refuses a form post with %s with 403", async (_case, headers) => {
    const response = await POST(
      formDonationRequest({ amount: "2500", currency: "EUR", locale: "en" }, headers),
    );

    expect(response.status).toBe(403);
    expect(await db.donation.count()).toBe(0);
  });

  it("accepts a server-to-server JSON call without Origin", async () => {
    expect((await POST(jsonDonationRequest(validDonation))).status).toBe(201);
  });
});

describe("POST /api/donations with Idempotency-Key", () => {
  it("returns the same donation for the same key and body", async () => {
    const first = await (
      await POST(jsonDonationRequest(validDonation, { "Idempotency-Key": "key-1" }))
    ).json();
    const again = await POST(jsonDonationRequest(validDonation, { "Idempotency-Key": "key-1" }));

    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(first);
    expect(await db.donation.count()).toBe(1);
  });

  it("refuses the same key with a different body with 422", async () => {
    await POST(jsonDonationRequest(validDonation, { "Idempotency-Key": "key-2" }));
    const response = await POST(
      jsonDonationRequest({ ...validDonation, amount: 5000 }, { "Idempotency-Key": "key-2" }),
    );

    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("idempotency_conflict");
    expect(await db.donation.count()).toBe(1);
  });

  it("creates one donation when the same request races itself", async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        POST(jsonDonationRequest(validDonation, { "Idempotency-Key": "key-3" })),
      ),
    );

    expect(await db.donation.count()).toBe(1);
    const created = responses.filter((response) => response.status === 201);
    expect(created.length).toBeGreaterThan(0);
    // The losers of the race either replay the donation or are told to retry in a moment.
    for (const response of responses) expect([201, 409]).toContain(response.status);
  });

  it("scopes a key to the client, so another client's same key and body start a donation of their own", async () => {
    const from = (peer: string) =>
      POST(jsonDonationRequest(validDonation, { "Idempotency-Key": "key-4", [PEER_ADDRESS_HEADER]: peer }));
    const mine = await (await from("203.0.113.5")).json();
    const again = await (await from("203.0.113.5")).json();
    const theirs = await from("198.51.100.9");

    expect(again.id).toBe(mine.id);
    expect(theirs.status).toBe(201);
    const body = await theirs.json();
    expect(body.id).not.toBe(mine.id);
    expect(body.redirectUrl).not.toBe(mine.redirectUrl);
    expect(await db.donation.count()).toBe(2);
  });

  /** The row a start leaves when it crashes between writing the donation and opening its checkout. */
  async function crashedStart(key: string, ageSeconds: number) {
    const request = jsonDonationRequest(validDonation, { "Idempotency-Key": key });
    const scoped = scopeIdempotencyKey(key, request)!;
    await POST(request);
    return db.donation.update({
      where: { idempotencyKey: scoped },
      data: {
        checkoutUrl: null,
        gatewaySessionId: null,
        createdAt: new Date(Date.now() - ageSeconds * 1000),
      },
    });
  }

  it("tells a retry to wait while the first request with its key may still be running", async () => {
    await crashedStart("key-5", 5);

    const response = await POST(jsonDonationRequest(validDonation, { "Idempotency-Key": "key-5" }));

    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("idempotency_in_progress");
  });

  it("frees a key whose donation never got a checkout once its request has certainly given up", async () => {
    const stalled = await crashedStart("key-6", STALLED_START_SECONDS + 1);

    const response = await POST(jsonDonationRequest(validDonation, { "Idempotency-Key": "key-6" }));

    expect(response.status).toBe(201);
    expect((await response.json()).id).not.toBe(stalled.id);
    expect(await db.donation.findUnique({ where: { id: stalled.id } })).toMatchObject({
      status: "expired",
      idempotencyKey: null,
    });
  });

  it("frees a key when its donation reaches a final status without a checkout", async () => {
    const stalled = await crashedStart("key-7", 0);

    await db.$transaction((tx) => transitionDonation(tx, stalled, "failed"));

    expect(await db.donation.findUnique({ where: { id: stalled.id } })).toMatchObject({
      idempotencyKey: null,
    });
    expect((await POST(jsonDonationRequest(validDonation, { "Idempotency-Key": "key-7" }))).status).toBe(201);
  });

  it("refuses an unusable key with 400", async () => {
    const response = await POST(jsonDonationRequest(validDonation, { "Idempotency-Key": "x".repeat(300) }));

    expect(response.status).toBe(400);
    expect(await db.donation.count()).toBe(0);
  });
});

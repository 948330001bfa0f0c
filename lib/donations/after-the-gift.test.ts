import { beforeEach, describe, expect, it } from "vitest";
import { POST as startRoute } from "@/app/api/donations/route";
import { POST as callbackRoute } from "@/app/api/payments/callback/route";
import { getDb } from "@/lib/db/client";
import {
  callbackRequest,
  formDonationRequest,
  jsonDonationRequest,
  validDonation,
} from "@/lib/testing/donations/donation-requests";
import { totalsAndTruth } from "@/lib/testing/donations/started-donation";

const db = getDb();

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await db.campaignTotal.deleteMany();
});

async function startJson(body: Record<string, unknown>) {
  const response = await startRoute(jsonDonationRequest({ ...validDonation, ...body }));
  return { response, body: await response.json() };
}

describe("POST /api/donations with the donor wall and fee fields", () => {
  it("records the message and the choice to show the amount", async () => {
    const { response, body } = await startJson({ message: "  For Tiznit <b>now</b>  ", showAmount: true });

    expect(response.status).toBe(201);
    expect(await db.donation.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({
      message: "For Tiznit <b>now</b>",
      showAmount: true,
      fee: 0,
    });
  });

  it("takes them from the no-JavaScript form too", async () => {
    const response = await startRoute(
      formDonationRequest({
        amount: "2500",
        currency: "EUR",
        locale: "ar",
        message: "شكرًا",
        showAmount: "true",
        coverFees: "true",
      }),
    );

    expect(response.status).toBe(303);
    expect(await db.donation.findFirstOrThrow()).toMatchObject({
      message: "شكرًا",
      showAmount: true,
      amount: 2500,
      fee: 54,
    });
  });

  it.each([
    ["a message over 140 characters", { message: "x".repeat(141) }, "message", "at most 140"],
    ["a message that is not text", { message: 42 }, "message", "not valid"],
    ["showAmount that is not a boolean", { showAmount: "yes" }, "showAmount", "not valid"],
    ["coverFees that is not a boolean", { coverFees: 1 }, "coverFees", "not valid"],
  ])("refuses %s with 400 and writes nothing", async (_case, fields, field, text) => {
    const { response, body } = await startJson(fields);

    expect(response.status).toBe(400);
    expect(body.error.fields[field]).toContain(text);
    expect(await db.donation.count()).toBe(0);
  });

  it("accepts a message of exactly 140 characters", async () => {
    const { response } = await startJson({ message: "é".repeat(140) });
    expect(response.status).toBe(201);
  });
});

describe("covering the fee", () => {
  it("charges gift + fee at the gateway, records them apart, and counts only the gift in the total", async () => {
    const { body } = await startJson({ amount: 2500, coverFees: true });
    const donation = await db.donation.findUniqueOrThrow({ where: { id: body.id } });
    expect(donation).toMatchObject({ amount: 2500, fee: 54 });
    const session = await db.sandboxSession.findUniqueOrThrow({ where: { id: donation.gatewaySessionId! } });
    expect(session.amount).toBe(2554);

    const event = { type: "payment.succeeded" as const, sessionId: session.id, currency: "EUR" };
    // The gift alone is not what was charged: a mismatch, never counted.
    const { id: other } = (await startJson({ amount: 2500, coverFees: true })).body;
    const otherSession = (await db.donation.findUniqueOrThrow({ where: { id: other } })).gatewaySessionId!;
    const giftOnly = { ...event, sessionId: otherSession, id: "evt_gift_only", amount: 2500 };
    expect((await callbackRoute(callbackRequest(giftOnly))).status).toBe(200);
    expect((await db.donation.findUniqueOrThrow({ where: { id: other } })).status).toBe("needs_review");

    expect((await callbackRoute(callbackRequest({ ...event, id: "evt_charged", amount: 2554 }))).status).toBe(
      200,
    );
    expect(await totalsAndTruth()).toEqual({
      total: { raised: 2500, donors: 1 },
      truth: { raised: 2500, donors: 1 },
    });
  });

  it("is off unless asked for", async () => {
    const { body } = await startJson({ amount: 2500 });
    const donation = await db.donation.findUniqueOrThrow({ where: { id: body.id } });
    expect(donation.fee).toBe(0);
    expect(
      (await db.sandboxSession.findUniqueOrThrow({ where: { id: donation.gatewaySessionId! } })).amount,
    ).toBe(2500);
  });
});

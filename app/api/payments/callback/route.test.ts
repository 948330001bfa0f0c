import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { callbackRequest, type CallbackFields } from "@/lib/testing/donations/donation-requests";
import { startedDonation, totalsAndTruth } from "@/lib/testing/donations/started-donation";
import { POST } from "./route";

const db = getDb();

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await db.campaignTotal.deleteMany();
});

async function eventFor(type: CallbackFields["type"], id = `evt_${Math.random()}`) {
  const donation = await startedDonation();
  return {
    donation,
    event: { id, type, sessionId: donation.gatewaySessionId!, amount: 2500, currency: "EUR" },
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("POST /api/payments/callback", () => {
  it("confirms a paid donation and counts it in the running total", async () => {
    const { donation, event } = await eventFor("payment.succeeded");

    const response = await POST(callbackRequest(event));

    expect(response.status).toBe(200);
    expect(await db.donation.findUnique({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
    });
    expect(await totalsAndTruth()).toEqual({
      total: { raised: 2500, donors: 1 },
      truth: { raised: 2500, donors: 1 },
    });
    expect(await db.paymentEvent.findFirst()).toMatchObject({
      donationId: donation.id,
      outcome: "applied:succeeded",
    });
  });

  it.each([
    ["a declined payment", "payment.failed", "failed"],
    ["a cancelled payment", "payment.cancelled", "cancelled"],
  ] as const)("records %s without counting it", async (_case, type, status) => {
    const { donation, event } = await eventFor(type);

    expect((await POST(callbackRequest(event))).status).toBe(200);
    expect(await db.donation.findUnique({ where: { id: donation.id } })).toMatchObject({ status });
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });

  it.each([
    ["signed with another secret", {}, { secret: "not-the-webhook-secret-at-all" }, 401, "invalid_signature"],
    ["signed 6 minutes ago", {}, { timestamp: nowSeconds() - 360 }, 400, "stale_event"],
    ["signed 6 minutes in the future", {}, { timestamp: nowSeconds() + 360 }, 400, "stale_event"],
    ["for an unknown session", { sessionId: "sbx_unknown" }, {}, 404, "not_found"],
  ])("refuses an event %s and changes nothing", async (_case, override, signing, status, code) => {
    const { donation, event } = await eventFor("payment.succeeded");

    const response = await POST(callbackRequest({ ...event, ...override }, signing));

    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
    expect(await db.donation.findUnique({ where: { id: donation.id } })).toMatchObject({ status: "pending" });
    expect(await db.paymentEvent.count()).toBe(0);
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });

  it.each([
    ["no signature header", (request: Request) => request.headers.delete("Sandbox-Signature")],
    ["a body changed after signing", null],
    [
      "a malformed signature header",
      (request: Request) => request.headers.set("Sandbox-Signature", "v1=zz,t=x"),
    ],
  ])("refuses a callback with %s with 401", async (_case, tamper) => {
    const { event } = await eventFor("payment.succeeded");
    let request = callbackRequest(event);
    if (tamper) tamper(request);
    else {
      const signature = request.headers.get("Sandbox-Signature")!;
      const body = JSON.stringify({ ...event, amount: 1_000_000, created: nowSeconds() });
      request = new Request(request.url, {
        method: "POST",
        headers: { "Sandbox-Signature": signature },
        body,
      });
    }

    const response = await POST(request);

    expect(response.status).toBe(401);
    expect(await db.donation.count({ where: { status: "succeeded" } })).toBe(0);
  });

  it("answers a duplicate event 200 and counts it once", async () => {
    const { event } = await eventFor("payment.succeeded", "evt_dup");

    const first = await POST(callbackRequest(event));
    const second = await POST(callbackRequest(event));

    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await second.json()).result).toBe("duplicate");
    expect((await totalsAndTruth()).total).toEqual({ raised: 2500, donors: 1 });
  });

  it("never un-counts a success when a failure or cancellation arrives after it", async () => {
    const { donation, event } = await eventFor("payment.succeeded");
    await POST(callbackRequest(event));

    const late = [
      await POST(callbackRequest({ ...event, id: "evt_late_fail", type: "payment.failed" })),
      await POST(callbackRequest({ ...event, id: "evt_late_cancel", type: "payment.cancelled" })),
    ];

    expect(late.map((response) => response.status)).toEqual([200, 200]);
    expect(await db.donation.findUnique({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
    });
    expect((await totalsAndTruth()).total).toEqual({ raised: 2500, donors: 1 });
    const outcomes = await db.paymentEvent.findMany({
      orderBy: { receivedAt: "asc" },
      select: { outcome: true },
    });
    expect(outcomes.map((row) => row.outcome)).toEqual([
      "applied:succeeded",
      "ignored:already-final",
      "ignored:already-final",
    ]);
  });

  it("keeps the total exact under hundreds of concurrent, duplicated and shuffled callbacks", async () => {
    const donations = await Promise.all(
      Array.from({ length: 60 }, (_, index) => startedDonation(100 + index * 7)),
    );
    // Per donation: the success twice (a gateway retry), a failure and a cancellation with their own ids. A success
    // arriving after a failure is counted all the same: the gateway took the money.
    const requests = donations.flatMap((donation, index) => {
      const base = { sessionId: donation.gatewaySessionId!, amount: donation.amount, currency: "EUR" };
      const events: CallbackFields[] = [
        { ...base, id: `evt_${index}_fail`, type: "payment.failed" },
        { ...base, id: `evt_${index}_cancel`, type: "payment.cancelled" },
      ];
      // Two thirds are paid; the rest only ever see failures.
      if (index % 3 !== 0) events.push({ ...base, id: `evt_${index}_ok`, type: "payment.succeeded" });
      return [...events, ...events.slice(2)].map((event) => callbackRequest(event));
    });
    for (let i = requests.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [requests[i], requests[j]] = [requests[j], requests[i]];
    }

    const responses = await Promise.all(requests.map((request) => POST(request)));

    expect(responses.every((response) => response.status === 200)).toBe(true);
    const { total, truth } = await totalsAndTruth();
    expect(total).toEqual(truth);
    expect(await db.donation.count({ where: { status: "pending" } })).toBe(0);
    expect(await db.donation.count({ where: { status: "succeeded" } })).toBe(40);
    expect(requests.length).toBeGreaterThan(150);
    // Hundreds of transactions on a shared two-core machine: generous, so only a wrong total fails it.
  }, 120_000);

  it("answers a body over the callback limit with 413", async () => {
    const request = new Request(`${env.APP_URL}/api/payments/callback`, {
      method: "POST",
      body: "x".repeat(70 * 1024),
    });

    expect((await POST(request)).status).toBe(413);
  });
});

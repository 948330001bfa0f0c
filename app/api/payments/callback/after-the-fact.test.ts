import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as Sentry from "@sentry/nextjs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { reconcilePending } from "@/lib/donations/reconcile-pending";
import { settleDonation } from "@/lib/donations/settle-donation";
import { startDonation } from "@/lib/donations/start-donation";
import { loseSandboxDispute, refundSandboxPayment } from "@/lib/payments/sandbox/refund-payment";
import { completeSession, findSession } from "@/lib/payments/sandbox/sandbox-sessions";
import { eventFor, signedCallback } from "@/lib/payments/sandbox/send-callback";
import { callbackRequest } from "@/lib/testing/donations/donation-requests";
import { totalsAndTruth } from "@/lib/testing/donations/started-donation";
import { sentryOptions } from "@/lib/observability/sentry-options";
import { POST } from "./route";

const db = getDb();

// The sandbox posts its callbacks over HTTP to this listener, which hands them to the route as Next.js would.
let server: Server;
let callbackUrl: string;
// A second one stands in for Sentry's ingest: whatever the SDK would send lands here.
let ingest: Server;
let envelopes: string[] = [];

beforeAll(async () => {
  ingest = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      envelopes.push(Buffer.concat(chunks).toString("utf8"));
      response.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => ingest.listen(0, "127.0.0.1", resolve));
  const { port } = ingest.address() as AddressInfo;
  Sentry.init(sentryOptions({ dsn: `http://publickey@127.0.0.1:${port}/1`, environment: "test" }));

  server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers))
        if (value) headers.set(name, String(value));
      const request = new Request(`http://127.0.0.1${incoming.url}`, {
        method: incoming.method,
        headers,
        body: Buffer.concat(chunks),
      });
      const response = await POST(request);
      outgoing.writeHead(response.status, { "Content-Type": "application/json" }).end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/payments/callback`;
});

afterAll(async () => {
  await Sentry.close(2000);
  await new Promise((resolve) => ingest.close(resolve));
  await new Promise((resolve) => server.close(resolve));
});

// Every alert line, by event name: what the logs of a run hold (stderr takes warn and error lines).
let alerts: string[];

/** The messages Sentry received since the test began, from the envelopes' event items. */
async function sentryMessages(): Promise<string[]> {
  await Sentry.flush(5000);
  return envelopes.flatMap((envelope) => {
    const lines = envelope.split("\n");
    return lines.flatMap((line, index) => {
      if (!line.startsWith('{"type":"event"')) return [];
      const event = JSON.parse(lines[index + 1]) as { message?: string };
      return event.message ? [event.message] : [];
    });
  });
}

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await db.campaignTotal.deleteMany();
  alerts = [];
  await Sentry.flush(5000);
  envelopes = [];
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    const line = String(chunk);
    const event = line.startsWith("{") ? JSON.parse(line).event : null;
    if (typeof event === "string" && event.startsWith("donation.")) alerts.push(event);
    return write(chunk);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A donation paid at the sandbox and confirmed by its callback; the gateway charged amount + fee. */
async function paidDonation({
  amount = 2500,
  coverFees = false,
  email = undefined as string | undefined,
} = {}) {
  const { id } = await startDonation({
    amount,
    currency: "EUR",
    locale: "en",
    email,
    anonymous: false,
    showAmount: false,
    coverFees,
  });
  const donation = await db.donation.findUniqueOrThrow({ where: { id } });
  const session = (await completeSession(donation.gatewaySessionId!, "pay"))!;
  const { body, headers } = signedCallback(eventFor(session));
  expect((await POST(new Request(callbackUrl, { method: "POST", headers, body }))).status).toBe(200);
  return { donation, sessionId: session.id };
}

const donationRow = (id: string) => db.donation.findUniqueOrThrow({ where: { id } });

describe("a refund sent by the gateway", () => {
  it("takes a partial refund out of the total, then the rest, each through a signed callback", async () => {
    const { donation, sessionId } = await paidDonation();

    expect(await refundSandboxPayment(sessionId, 1000, callbackUrl)).toBe(true);
    expect(await donationRow(donation.id)).toMatchObject({
      status: "partially_refunded",
      refundedAmount: 1000,
    });
    expect(await totalsAndTruth()).toEqual({
      total: { raised: 1500, donors: 1 },
      truth: { raised: 1500, donors: 1 },
    });

    expect(await refundSandboxPayment(sessionId, 1500, callbackUrl)).toBe(true);
    expect(await donationRow(donation.id)).toMatchObject({ status: "refunded", refundedAmount: 2500 });
    expect(await totalsAndTruth()).toEqual({
      total: { raised: 0, donors: 0 },
      truth: { raised: 0, donors: 0 },
    });
    const outcomes = await db.paymentEvent.findMany({
      orderBy: { receivedAt: "asc" },
      select: { outcome: true },
    });
    expect(outcomes.map((row) => row.outcome)).toEqual([
      "applied:succeeded",
      "applied:refund",
      "applied:refund",
    ]);
  });

  it("applies a retried refund notice once and an older one arriving late not at all", async () => {
    const { donation, sessionId } = await paidDonation();
    await db.sandboxSession.update({ where: { id: sessionId }, data: { refundedAmount: 400 } });
    const older = eventFor((await findSession(sessionId))!, "refund");
    await db.sandboxSession.update({ where: { id: sessionId }, data: { refundedAmount: 1000 } });
    const newer = eventFor((await findSession(sessionId))!, "refund");

    const results = [];
    for (const event of [newer, newer, older]) {
      const response = await POST(callbackRequest(event));
      expect(response.status).toBe(200);
      results.push((await response.json()).result);
    }

    expect(results).toEqual(["changed", "duplicate", "unchanged"]);
    expect(await donationRow(donation.id)).toMatchObject({
      status: "partially_refunded",
      refundedAmount: 1000,
    });
    expect((await totalsAndTruth()).total).toEqual({ raised: 1500, donors: 1 });
  });

  it("takes a refund out of the gift first, and never more than the gift, when the donor covered the fee", async () => {
    const { donation, sessionId } = await paidDonation({ amount: 2500, coverFees: true });
    const charged = donation.amount + donation.fee;
    expect(donation.fee).toBeGreaterThan(0);

    await refundSandboxPayment(sessionId, donation.fee, callbackUrl);
    expect(await donationRow(donation.id)).toMatchObject({
      status: "partially_refunded",
      refundedAmount: donation.fee,
    });

    await refundSandboxPayment(sessionId, charged - donation.fee, callbackUrl);
    expect(await donationRow(donation.id)).toMatchObject({ status: "refunded", refundedAmount: 2500 });
    expect(await totalsAndTruth()).toEqual({
      total: { raised: 0, donors: 0 },
      truth: { raised: 0, donors: 0 },
    });
  });

  it("takes the whole gift out when the charity loses a dispute", async () => {
    const { donation, sessionId } = await paidDonation();

    expect(await loseSandboxDispute(sessionId, callbackUrl)).toBe(true);

    expect(await donationRow(donation.id)).toMatchObject({ status: "refunded", refundedAmount: 2500 });
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });

  it("withdraws the receipt of a gift refunded before it was sent, and keeps it for a partial refund", async () => {
    const whole = await paidDonation({ email: "ada@example.org" });
    const part = await paidDonation({ email: "grace@example.org" });
    expect(await db.receiptOutbox.count()).toBe(2);

    await refundSandboxPayment(whole.sessionId, 2500, callbackUrl);
    await refundSandboxPayment(part.sessionId, 100, callbackUrl);

    const receipts = await db.receiptOutbox.findMany({ select: { donationId: true } });
    expect(receipts).toEqual([{ donationId: part.donation.id }]);
  });

  it("counts a payment whose success callback never came before its refund, then refunds it", async () => {
    const { id } = await startDonation({
      amount: 2500,
      currency: "EUR",
      locale: "en",
      anonymous: false,
      showAmount: false,
      coverFees: false,
    });
    const donation = await donationRow(id);
    const session = (await completeSession(donation.gatewaySessionId!, "pay"))!;
    const success = eventFor(session);

    await refundSandboxPayment(session.id, 1000, callbackUrl);
    const late = await POST(callbackRequest(success));

    expect((await late.json()).result).toBe("unchanged");
    expect(await donationRow(id)).toMatchObject({ status: "partially_refunded", refundedAmount: 1000 });
    expect(await totalsAndTruth()).toEqual({
      total: { raised: 1500, donors: 1 },
      truth: { raised: 1500, donors: 1 },
    });
  });
});

describe("a success after we gave up", () => {
  it.each(["failed", "cancelled", "expired"] as const)(
    "is counted on a donation we marked %s, with its receipt, and alerted once",
    async (givenUp) => {
      const { id } = await startDonation({
        amount: 2500,
        currency: "EUR",
        locale: "en",
        email: "ada@example.org",
        anonymous: false,
        showAmount: false,
        coverFees: false,
      });
      const donation = await donationRow(id);
      await settleDonation({ donation, to: givenUp, reported: { amount: 2500, currency: "EUR" } });
      const session = (await completeSession(donation.gatewaySessionId!, "pay"))!;
      const success = eventFor(session);

      const first = await POST(callbackRequest(success));
      const retry = await POST(callbackRequest(success));

      expect([first.status, retry.status]).toEqual([200, 200]);
      expect((await first.json()).result).toBe("changed");
      expect(await donationRow(id)).toMatchObject({ status: "succeeded" });
      expect(await totalsAndTruth()).toEqual({
        total: { raised: 2500, donors: 1 },
        truth: { raised: 2500, donors: 1 },
      });
      expect(await db.receiptOutbox.count({ where: { donationId: id } })).toBe(1);
      expect(alerts).toEqual(["donation.late_success"]);
      expect(await sentryMessages()).toEqual(["donation.late_success"]);
    },
  );
});

describe("other money than the donation holds", () => {
  it.each([
    ["a smaller amount", { amount: 100 }],
    ["another currency", { currency: "USD" }],
  ])("with %s is stored, held for review, answered 2xx and reported once", async (_case, override) => {
    const { id } = await startDonation({
      amount: 2500,
      currency: "EUR",
      locale: "en",
      anonymous: false,
      showAmount: false,
      coverFees: false,
    });
    const donation = await donationRow(id);
    const event = {
      ...eventFor((await completeSession(donation.gatewaySessionId!, "pay"))!),
      ...override,
    };

    const responses = [];
    for (let attempt = 0; attempt < 3; attempt++) responses.push(await POST(callbackRequest(event)));

    // 2xx, so the gateway stops retrying: the event is stored and a person was told; a retry only repeats it.
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect((await responses[0].json()).result).toBe("needs_review");
    expect(await donationRow(id)).toMatchObject({ status: "needs_review", refundedAmount: 0 });
    expect(await db.paymentEvent.findMany({ select: { outcome: true } })).toEqual([
      { outcome: "applied:needs_review" },
    ]);
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
    expect(alerts).toEqual(["donation.payment_mismatch"]);
    expect(await sentryMessages()).toEqual(["donation.payment_mismatch"]);

    // The reconciler leaves it for the person.
    await db.donation.update({ where: { id }, data: { createdAt: new Date(Date.now() - 3_600_000) } });
    expect((await reconcilePending({ olderThanMinutes: 30 })).checked).toBe(0);
  });

  it("found by the reconciler is held for review once, not asked about again", async () => {
    const { id } = await startDonation({
      amount: 2500,
      currency: "EUR",
      locale: "en",
      anonymous: false,
      showAmount: false,
      coverFees: false,
    });
    const donation = await donationRow(id);
    await completeSession(donation.gatewaySessionId!, "pay");
    await db.sandboxSession.update({ where: { id: donation.gatewaySessionId! }, data: { amount: 2400 } });
    await db.donation.update({ where: { id }, data: { createdAt: new Date(Date.now() - 3_600_000) } });

    const runs = [
      await reconcilePending({ olderThanMinutes: 30 }),
      await reconcilePending({ olderThanMinutes: 30 }),
    ];

    expect(runs.map((run) => run.checked)).toEqual([1, 0]);
    expect(runs[0]).toMatchObject({ needs_review: 1, errors: 0 });
    expect(await donationRow(id)).toMatchObject({ status: "needs_review" });
    expect(alerts).toEqual(["donation.payment_mismatch"]);
  });
});

import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as startDonationRoute } from "@/app/api/donations/route";
import { GET as returnRoute } from "@/app/api/payments/return/route";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getGateway } from "@/lib/payments/get-gateway";
import { jsonDonationRequest, validDonation } from "@/lib/testing/donations/donation-requests";
import { totalsAndTruth } from "@/lib/testing/donations/started-donation";
import { POST } from "./route";

// Mollie is the configured provider, spoken to over HTTP; the stand-in server is started before lib/env.ts reads
// its address.
const { mollie, delivery } = await vi.hoisted(async () => {
  const { startMollieTestServer } = await import("@/lib/testing/mollie-test-server");
  const delivery: { lost: boolean; handler?: (request: Request) => Promise<Response> } = { lost: false };
  const mollie = await startMollieTestServer({
    apiKey: "test_surgeIntegrationKey0123456789",
    deliver: async (request) =>
      delivery.lost || !delivery.handler ? new Response(null, { status: 502 }) : delivery.handler(request),
  });
  Object.assign(process.env, {
    PAYMENT_PROVIDER: "mollie",
    MOLLIE_API_KEY: "test_surgeIntegrationKey0123456789",
    MOLLIE_API_URL: mollie.url,
  });
  return { mollie, delivery };
});

const db = getDb();
const webhookResponses: Response[] = [];
delivery.handler = async (request) => {
  const response = await POST(request);
  webhookResponses.push(response.clone());
  return response;
};

afterAll(() => mollie.close());

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await db.campaignTotal.deleteMany();
  mollie.setFault(null);
  mollie.payments.clear();
  mollie.requests.length = 0;
  webhookResponses.length = 0;
  delivery.lost = false;
});

async function startDonation(body: Record<string, unknown> = validDonation) {
  const response = await startDonationRoute(jsonDonationRequest(body));
  expect(response.status).toBe(201);
  const { id } = await response.json();
  const donation = await db.donation.findUniqueOrThrow({ where: { id } });
  return { donation, payment: mollie.payments.get(donation.gatewaySessionId!)! };
}

const statusOf = async (id: string) => (await db.donation.findUniqueOrThrow({ where: { id } })).status;

async function followReturn(url: string) {
  const response = await returnRoute(new Request(url));
  expect(response.status).toBe(303);
  return response.headers.get("location");
}

const callback = (body: string) =>
  POST(
    new Request(`${env.APP_URL}/api/payments/callback/mollie`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    }),
  );

describe("Mollie through POST /api/donations", () => {
  it("creates a payment with the amount as Mollie's decimal string, our return and webhook URLs", async () => {
    const { donation, payment } = await startDonation();

    expect(donation).toMatchObject({
      gateway: "mollie",
      checkoutUrl: `${mollie.url}/checkout/select-method/${payment.id}`,
    });
    expect(payment.params).toEqual({
      amount: { currency: "EUR", value: "25.00" },
      description: "Donation to Clearwater Relief",
      redirectUrl: `${env.APP_URL}/api/payments/return?donation=${donation.id}`,
      webhookUrl: `${env.APP_URL}/api/payments/callback/mollie`,
      metadata: { donationId: donation.id },
      locale: "en_US",
    });
    expect(mollie.requests[0].idempotencyKey).toBe(`checkout-${donation.id}`);
  });

  it("leaves the locale to the donor's browser for Arabic, which Mollie's checkout does not offer", async () => {
    const { payment } = await startDonation({ ...validDonation, locale: "ar" });

    expect(payment.params.locale).toBeUndefined();
    expect(payment.params.description).toBe("تبرع لصالح Clearwater Relief");
  });

  it("never makes two payments for one donation when the creation is sent again", async () => {
    const request = {
      reference: "don_retried",
      amount: 1001,
      currency: "EUR",
      locale: "fr",
      returnUrl: `${env.APP_URL}/api/payments/return?donation=don_retried`,
      description: "Don à Clearwater Relief",
      expiresAt: new Date(Date.now() + 31 * 60_000),
    };

    const first = await getGateway().createCheckout(request);
    const second = await getGateway().createCheckout(request);

    expect(second.sessionId).toBe(first.sessionId);
    expect(mollie.payments.size).toBe(1);
    expect(mollie.payments.get(first.sessionId)!.params.amount).toEqual({ currency: "EUR", value: "10.01" });
  });
});

describe("POST /api/payments/callback/mollie", () => {
  it.each([
    ["paid", "succeeded", 2500, `/en/donate/success?donation=`],
    ["failed", "failed", 0, "/en/donate/error?reason=declined"],
    ["canceled", "cancelled", 0, "/en/donate/error?reason=cancelled"],
  ] as const)("records a payment Mollie reports %s as %s", async (choice, status, raised, page) => {
    const { donation, payment } = await startDonation();

    const next = await mollie.choose(payment.id, choice);

    expect(webhookResponses[0].status).toBe(200);
    expect(await statusOf(donation.id)).toBe(status);
    expect(await totalsAndTruth()).toEqual({
      total: { raised, donors: raised ? 1 : 0 },
      truth: { raised, donors: raised ? 1 : 0 },
    });
    expect(await followReturn(next)).toContain(page);
  });

  it("counts a paid payment once, however often Mollie calls", async () => {
    const { donation, payment } = await startDonation();
    await mollie.choose(payment.id, "paid");

    const again = await mollie.sendWebhook(payment.id);

    expect(await again.json()).toEqual({ received: true, result: "duplicate" });
    expect(await statusOf(donation.id)).toBe("succeeded");
    expect((await totalsAndTruth()).total).toEqual({ raised: 2500, donors: 1 });
  });

  it("expires a donation whose payment Mollie expired", async () => {
    const { donation, payment } = await startDonation();

    await mollie.settle(payment.id, "expired");

    expect(await statusOf(donation.id)).toBe("expired");
  });

  it("settles nothing while Mollie says open or pending, and the donor waits without being told it arrived", async () => {
    const { donation, payment } = await startDonation();

    const next = await mollie.choose(payment.id, "pending");

    expect(await webhookResponses[0].json()).toEqual({ received: true, result: "ignored" });
    expect(await followReturn(next)).toBe(`/en/donate/success?donation=${donation.id}`);
    expect(await statusOf(donation.id)).toBe("pending");

    await mollie.settle(payment.id, "paid");
    expect(await statusOf(donation.id)).toBe("succeeded");
  });

  it("sends a donor back from Mollie's page without paying to the cancelled page, recording nothing", async () => {
    const { donation } = await startDonation();

    expect(await followReturn(`${env.APP_URL}/api/payments/return?donation=${donation.id}`)).toBe(
      "/en/donate/error?reason=cancelled",
    );
    expect(await statusOf(donation.id)).toBe("pending");
  });

  it("takes only Mollie's answer: a callback naming a paid payment of ours changes nothing until Mollie says paid", async () => {
    const { donation, payment } = await startDonation();

    const response = await callback(`id=${payment.id}&status=paid`);

    expect(await response.json()).toEqual({ received: true, result: "ignored" });
    expect(await statusOf(donation.id)).toBe("pending");
  });

  it("confirms on the return a paid payment whose webhook was lost", async () => {
    const { donation, payment } = await startDonation();
    delivery.lost = true;

    const next = await mollie.choose(payment.id, "paid");

    expect(await statusOf(donation.id)).toBe("pending");
    expect(await followReturn(next)).toBe(`/en/donate/success?donation=${donation.id}`);
    expect(await statusOf(donation.id)).toBe("succeeded");
  });

  it.each([
    ["an id Mollie does not know", "id=tr_unknown0000", 200],
    ["no id", "status=paid", 400],
    ["an id of another shape", "id=../payments", 400],
  ])("answers a callback with %s without changing anything", async (_case, body, status) => {
    const { donation } = await startDonation();

    const response = await callback(body);

    expect(response.status).toBe(status);
    expect(await statusOf(donation.id)).toBe("pending");
    expect(await db.paymentEvent.count()).toBe(0);
  });

  it("answers 200 and leaves alone a paid payment of another integration, without our donation id", async () => {
    const created = await fetch(`${mollie.url}/v2/payments`, {
      method: "POST",
      headers: {
        Authorization: "Bearer test_surgeIntegrationKey0123456789",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        amount: { currency: "EUR", value: "9.99" },
        description: "Another shop's order",
        redirectUrl: "https://elsewhere.example/done",
        webhookUrl: `${env.APP_URL}/api/payments/callback/mollie`,
      }),
    });
    const { id } = await created.json();

    await mollie.choose(id, "paid");

    expect(webhookResponses[0].status).toBe(200);
    expect(await webhookResponses[0].json()).toEqual({ received: true, result: "ignored" });
    expect(await db.paymentEvent.count()).toBe(0);
  });

  it("holds a paid payment reporting another amount than the donation's for review, counting nothing", async () => {
    const { donation, payment } = await startDonation();
    (payment.params.amount as { value: string }).value = "2.50";

    await mollie.choose(payment.id, "paid");

    // Answered 2xx so Mollie stops repeating it; a person looks at the donation instead.
    expect(await webhookResponses[0].json()).toEqual({ received: true, result: "needs_review" });
    expect(await statusOf(donation.id)).toBe("needs_review");
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });
});

describe("money going back on a Mollie payment", () => {
  const row = (id: string) => db.donation.findUniqueOrThrow({ where: { id } });

  it("takes refunds out of the total from Mollie's cumulative amountRefunded, each once", async () => {
    const { donation, payment } = await startDonation();
    await mollie.choose(payment.id, "paid");

    await mollie.refund(payment.id, "10.00");
    const again = await mollie.sendWebhook(payment.id);
    expect(await again.json()).toEqual({ received: true, result: "duplicate" });
    expect(await row(donation.id)).toMatchObject({ status: "partially_refunded", refundedAmount: 1000 });
    expect(await totalsAndTruth()).toEqual({
      total: { raised: 1500, donors: 1 },
      truth: { raised: 1500, donors: 1 },
    });

    await mollie.refund(payment.id, "25.00");
    expect(await row(donation.id)).toMatchObject({ status: "refunded", refundedAmount: 2500 });
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });

  it("takes the whole gift out for a chargeback", async () => {
    const { donation, payment } = await startDonation();
    await mollie.choose(payment.id, "paid");

    await mollie.chargeback(payment.id);

    expect(await row(donation.id)).toMatchObject({ status: "refunded", refundedAmount: 2500 });
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });
});

// Last: these leave the process's gateway breaker open.
describe("Mollie failing or slow", () => {
  it.each([
    ["rate limiting us (429)", { status: 429 as const }],
    ["failing (500)", { status: 500 as const }],
    ["refusing our key (401)", { status: 401 as const }],
  ])("answers 503 with Retry-After when Mollie is %s", async (_case, fault) => {
    mollie.setFault(fault);

    const response = await startDonationRoute(jsonDonationRequest(validDonation));

    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db.donation.findFirst()).toMatchObject({ status: "failed" });
  });

  it("answers Mollie's callback 503 while Mollie cannot be asked, so Mollie calls again", async () => {
    const { donation, payment } = await startDonation();
    mollie.payments.get(payment.id)!.status = "paid";
    mollie.setFault({ status: 500 });

    const response = await callback(`id=${payment.id}`);

    expect(response.status).toBe(503);
    expect(await statusOf(donation.id)).toBe("pending");
  });

  it("gives up on a Mollie that does not answer, within the gateway breaker's deadline", async () => {
    mollie.setFault({ hangMs: 30_000 });
    const started = Date.now();

    const response = await startDonationRoute(jsonDonationRequest(validDonation));

    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(12_000);
  });
});

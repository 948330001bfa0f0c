import Stripe from "stripe";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as startDonationRoute } from "@/app/api/donations/route";
import { GET as returnRoute } from "@/app/api/payments/return/route";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { reconcilePending } from "@/lib/donations/reconcile-pending";
import { getGateway } from "@/lib/payments/get-gateway";
import { gatewayBreaker } from "@/lib/resilience/breakers";
import { jsonDonationRequest, validDonation } from "@/lib/testing/donations/donation-requests";
import { totalsAndTruth } from "@/lib/testing/donations/started-donation";
import { POST } from "./route";

// Stripe is the configured provider, spoken to over HTTP through the real SDK; the stand-in server is started
// before lib/env.ts reads its address.
const { stripe, delivery } = await vi.hoisted(async () => {
  const { startStripeTestServer } = await import("@/lib/testing/stripe-test-server");
  const delivery: { lost: boolean; handler?: (request: Request) => Promise<Response> } = { lost: false };
  const stripe = await startStripeTestServer({
    secretKey: "sk_test_surge_integration",
    webhookSecret: "whsec_surge_integration",
    deliver: async (request) =>
      delivery.lost || !delivery.handler ? new Response(null, { status: 502 }) : delivery.handler(request),
  });
  Object.assign(process.env, {
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_test_surge_integration",
    STRIPE_WEBHOOK_SECRET: "whsec_surge_integration",
    STRIPE_API_URL: stripe.url,
  });
  return { stripe, delivery };
});

const db = getDb();
const webhookResponses: Response[] = [];
delivery.handler = async (request) => {
  const response = await POST(request);
  webhookResponses.push(response.clone());
  return response;
};

afterAll(() => stripe.close());

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await db.campaignTotal.deleteMany();
  stripe.setFault(null);
  stripe.sessions.clear();
  stripe.events.clear();
  stripe.requests.length = 0;
  webhookResponses.length = 0;
  delivery.lost = false;
});

async function startDonation(body: Record<string, unknown> = validDonation) {
  const response = await startDonationRoute(jsonDonationRequest(body));
  expect(response.status).toBe(201);
  const { id } = await response.json();
  const donation = await db.donation.findUniqueOrThrow({ where: { id } });
  return { donation, session: stripe.sessions.get(donation.gatewaySessionId!)! };
}

const statusOf = async (id: string) => (await db.donation.findUniqueOrThrow({ where: { id } })).status;

/** The browser follows the URL Stripe sends it to (success_url or cancel_url) into our return route. */
async function followReturn(url: string) {
  const response = await returnRoute(new Request(url));
  expect(response.status).toBe(303);
  return response.headers.get("location");
}

describe("Stripe Checkout through POST /api/donations", () => {
  it("creates one payment-mode donate session priced inline, carrying our donation id", async () => {
    const { donation, session } = await startDonation();

    expect(donation).toMatchObject({ gateway: "stripe", checkoutUrl: `${stripe.url}/c/pay/${session.id}` });
    expect(session.params).toMatchObject({
      mode: "payment",
      submit_type: "donate",
      line_items: [
        {
          quantity: "1",
          price_data: {
            currency: "eur",
            unit_amount: "2500",
            product_data: { name: "Donation to Clearwater Relief" },
          },
        },
      ],
      client_reference_id: donation.id,
      metadata: { donation_id: donation.id },
      payment_intent_data: { metadata: { donation_id: donation.id } },
      locale: "en",
      success_url: `${env.APP_URL}/api/payments/return?donation=${donation.id}&session={CHECKOUT_SESSION_ID}`,
      cancel_url: `${env.APP_URL}/api/payments/return?donation=${donation.id}`,
      // Stripe's shortest lifetime (and a minute), counted from the donation's row: the same on a retry.
      expires_at: String(Math.floor(donation.createdAt.getTime() / 1000) + 31 * 60),
    });
    expect(stripe.requests).toEqual([
      { method: "POST", path: "/v1/checkout/sessions", idempotencyKey: `checkout-${donation.id}` },
    ]);
  });

  it.each([
    ["fr", "fr", "Don à Clearwater Relief"],
    ["ar", "auto", "تبرع لصالح Clearwater Relief"],
  ])(
    "opens the %s checkout in Stripe's locale %s, naming the gift in that language",
    async (locale, stripeLocale, name) => {
      const { session } = await startDonation({ ...validDonation, locale });

      expect(session.params.locale).toBe(stripeLocale);
      expect(session.params).toMatchObject({ line_items: [{ price_data: { product_data: { name } } }] });
    },
  );

  it("charges the gift plus the fee the donor chose to cover", async () => {
    const { donation, session } = await startDonation({ ...validDonation, coverFees: true });

    expect(donation.fee).toBeGreaterThan(0);
    expect(session.params).toMatchObject({
      line_items: [{ price_data: { unit_amount: String(donation.amount + donation.fee) } }],
    });
  });

  it("never makes two sessions for one donation when the creation is sent again", async () => {
    const request = {
      reference: "don_retried",
      amount: 2500,
      currency: "EUR",
      locale: "en",
      returnUrl: `${env.APP_URL}/api/payments/return?donation=don_retried`,
      description: "Donation to Clearwater Relief",
      expiresAt: new Date(Date.now() + 31 * 60_000),
    };

    const first = await getGateway().createCheckout(request);
    const second = await getGateway().createCheckout(request);

    expect(second.sessionId).toBe(first.sessionId);
    expect(stripe.sessions.size).toBe(1);
  });

  it("retries a creation Stripe failed with a 500 under the same key, and one session results", async () => {
    stripe.setFault({ status: 500, times: 1 });

    const { donation } = await startDonation();

    expect(stripe.requests.map((request) => request.idempotencyKey)).toEqual([
      `checkout-${donation.id}`,
      `checkout-${donation.id}`,
    ]);
    expect(stripe.sessions.size).toBe(1);
  });
});

describe("POST /api/payments/callback/stripe", () => {
  it("confirms a paid session once, however often Stripe delivers the event", async () => {
    const { donation, session } = await startDonation();

    const next = await stripe.choose(session.id, "pay");
    const [eventId] = stripe.events.keys();
    const again = await stripe.redeliver(eventId);
    const another = await stripe.sendEvent("checkout.session.completed", session);

    expect(await statusOf(donation.id)).toBe("succeeded");
    expect(await webhookResponses[0].json()).toEqual({ received: true, result: "changed" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, result: "duplicate" });
    // Another event about the same payment finds the donation already final.
    expect(await another.json()).toEqual({ received: true, result: "unchanged" });
    expect(await db.paymentEvent.count()).toBe(2);
    expect(await totalsAndTruth()).toEqual({
      total: { raised: 2500, donors: 1 },
      truth: { raised: 2500, donors: 1 },
    });
    // The donor's return lands on the thank-you page, the session checked again at Stripe.
    expect(await followReturn(next!)).toBe(`/en/donate/success?donation=${donation.id}`);
  });

  it("leaves a declined card pending (the donor may try another) and a return from Cancel says cancelled", async () => {
    const { donation, session } = await startDonation();

    expect(await stripe.choose(session.id, "decline")).toBeNull();
    const cancelUrl = await stripe.choose(session.id, "cancel");

    expect(webhookResponses).toHaveLength(0);
    expect(await followReturn(cancelUrl!)).toBe("/en/donate/error?reason=cancelled");
    expect(await statusOf(donation.id)).toBe("pending");
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });

  it("expires a donation whose session Stripe expired", async () => {
    const { donation, session } = await startDonation();

    const response = await stripe.expire(session.id);

    expect(response.status).toBe(200);
    expect(await statusOf(donation.id)).toBe("expired");
  });

  it.each([
    ["succeeded", "succeeded", 2500],
    ["failed", "failed", 0],
  ] as const)(
    "waits on a delayed payment completed unpaid, then records it as %s",
    async (outcome, status, raised) => {
      const { donation, session } = await startDonation();

      const next = await stripe.choose(session.id, "pay_delayed");

      expect(await webhookResponses[0].json()).toEqual({ received: true, result: "ignored" });
      expect(await statusOf(donation.id)).toBe("pending");
      // The return is sent to the page that waits for the confirmation, without saying the gift arrived.
      expect(await followReturn(next!)).toBe(`/en/donate/success?donation=${donation.id}`);
      expect(await statusOf(donation.id)).toBe("pending");

      await stripe.settleDelayed(session.id, outcome);

      expect(await statusOf(donation.id)).toBe(status);
      expect((await totalsAndTruth()).total.raised).toBe(raised);
    },
  );

  it("learns of a failed delayed payment on the return when its event was lost", async () => {
    const { donation, session } = await startDonation();
    const next = await stripe.choose(session.id, "pay_delayed");
    delivery.lost = true;
    await stripe.settleDelayed(session.id, "failed");

    expect(await followReturn(next!)).toBe("/en/donate/error?reason=declined");
    expect(await statusOf(donation.id)).toBe("failed");
  });

  it("confirms on the return a paid session whose event was lost, and not before it was paid", async () => {
    const { donation, session } = await startDonation();
    const successUrl = `${env.APP_URL}/api/payments/return?donation=${donation.id}&session=${session.id}`;

    // A forged return to the success URL before paying: Stripe says the session is still open.
    expect(await followReturn(successUrl)).toBe("/en/donate/error?reason=cancelled");
    expect(await statusOf(donation.id)).toBe("pending");

    delivery.lost = true;
    await stripe.choose(session.id, "pay");
    expect(await followReturn(successUrl)).toBe(`/en/donate/success?donation=${donation.id}`);
    expect(await statusOf(donation.id)).toBe("succeeded");
  });

  it("lets the reconciler settle sessions whose events were lost: paid, expired, and still open left alone", async () => {
    const paid = await startDonation();
    const abandoned = await startDonation();
    const open = await startDonation();
    delivery.lost = true;
    await stripe.choose(paid.session.id, "pay");
    await stripe.expire(abandoned.session.id);

    const summary = await reconcilePending({ olderThanMinutes: 0 });

    expect(summary).toMatchObject({ checked: 3, succeeded: 1, expired: 1, pending: 1, errors: 0 });
    expect(await statusOf(paid.donation.id)).toBe("succeeded");
    expect(await statusOf(abandoned.donation.id)).toBe("expired");
    expect(await statusOf(open.donation.id)).toBe("pending");
  });

  it.each([
    ["signed with another secret", { secret: "whsec_not_ours" }, 401, "invalid_signature"],
    ["signed 6 minutes ago", { timestamp: Math.floor(Date.now() / 1000) - 360 }, 400, "stale_event"],
  ])("refuses an event %s and changes nothing", async (_case, signing, status, code) => {
    const { donation, session } = await startDonation();

    const response = await stripe.sendEvent("checkout.session.async_payment_succeeded", session, signing);

    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
    expect(await statusOf(donation.id)).toBe("pending");
    expect(await db.paymentEvent.count()).toBe(0);
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });

  it.each([
    [
      "no Stripe-Signature header",
      (body: string, headers: Headers) => {
        headers.delete("Stripe-Signature");
        return body;
      },
    ],
    [
      "a body changed after signing",
      (body: string) => body.replace('"payment_status":"unpaid"', '"payment_status":"paid"'),
    ],
  ])("refuses an event with %s", async (_case, tamper) => {
    const { donation, session } = await startDonation();
    const signed = stripe.signedEvent("checkout.session.completed", session);
    const headers = new Headers(signed.headers);
    const body = tamper(await signed.text(), headers);

    const response = await POST(new Request(signed.url, { method: "POST", headers, body }));

    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("invalid_signature");
    expect(await statusOf(donation.id)).toBe("pending");
  });

  it.each([
    ["another integration's session, without our donation id", {}, 200],
    ["a session naming a donation we do not have", { donation_id: "don_unknown" }, 404],
  ])("answers a signed event for %s as it should, changing nothing", async (_case, metadata, status) => {
    const other = new Stripe("sk_test_surge_integration", {
      host: "127.0.0.1",
      port: new URL(stripe.url).port,
      protocol: "http",
    });
    const foreign = await other.checkout.sessions.create({
      mode: "payment",
      line_items: [
        { quantity: 1, price_data: { currency: "eur", unit_amount: 999, product_data: { name: "x" } } },
      ],
      metadata,
      success_url: "https://elsewhere.example/done",
    });

    await stripe.choose(foreign.id, "pay");

    expect(webhookResponses[0].status).toBe(status);
    expect(await db.paymentEvent.count()).toBe(0);
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });
});

describe("money going back on a Stripe payment", () => {
  async function paidDonation() {
    const { donation, session } = await startDonation();
    await stripe.choose(session.id, "pay");
    return { donation, session };
  }
  const row = (id: string) => db.donation.findUniqueOrThrow({ where: { id } });

  it("takes a partial refund out of the total, then the rest, from charge.refunded's cumulative amount", async () => {
    const { donation, session } = await paidDonation();

    await stripe.refund(session.id, 1000);
    expect(await row(donation.id)).toMatchObject({ status: "partially_refunded", refundedAmount: 1000 });
    expect(await totalsAndTruth()).toEqual({
      total: { raised: 1500, donors: 1 },
      truth: { raised: 1500, donors: 1 },
    });

    await stripe.refund(session.id, 1500);
    expect(await row(donation.id)).toMatchObject({ status: "refunded", refundedAmount: 2500 });
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
    // The charge named its PaymentIntent; the session behind it was asked of Stripe.
    expect(stripe.requests.filter((request) => request.path === "/v1/checkout/sessions")).toHaveLength(3);
  });

  it("applies a redelivered refund once", async () => {
    const { donation, session } = await paidDonation();
    await stripe.refund(session.id, 1000);
    const refundEvent = [...stripe.events.keys()].at(-1)!;

    const again = await stripe.redeliver(refundEvent);

    expect(await again.json()).toEqual({ received: true, result: "duplicate" });
    expect(await row(donation.id)).toMatchObject({ status: "partially_refunded", refundedAmount: 1000 });
  });

  it("takes the whole gift out for a lost dispute and leaves a won one alone", async () => {
    const won = await paidDonation();
    const lost = await paidDonation();

    const answer = await stripe.closeDispute(won.session.id, "won");
    await stripe.closeDispute(lost.session.id, "lost");

    expect(await answer.json()).toEqual({ received: true, result: "ignored" });
    expect(await row(won.donation.id)).toMatchObject({ status: "succeeded" });
    expect(await row(lost.donation.id)).toMatchObject({ status: "refunded", refundedAmount: 2500 });
    expect((await totalsAndTruth()).total).toEqual({ raised: 2500, donors: 1 });
  });

  it("leaves alone a refund on another integration's payment", async () => {
    const other = new Stripe("sk_test_surge_integration", {
      host: "127.0.0.1",
      port: new URL(stripe.url).port,
      protocol: "http",
    });
    const foreign = await other.checkout.sessions.create({
      mode: "payment",
      line_items: [
        { quantity: 1, price_data: { currency: "eur", unit_amount: 999, product_data: { name: "x" } } },
      ],
      success_url: "https://elsewhere.example/done",
    });
    await stripe.choose(foreign.id, "pay");

    const response = await stripe.refund(foreign.id, 999);

    expect(await response.json()).toEqual({ received: true, result: "ignored" });
    expect(await db.paymentEvent.count()).toBe(0);
  });

  it("answers a refund 503, moving nothing, while Stripe cannot say which session it belongs to", async () => {
    const { donation, session } = await paidDonation();
    stripe.setFault({ status: 500, times: 2 });

    const response = await stripe.refund(session.id, 1000);

    expect(response.status).toBe(503);
    expect(await row(donation.id)).toMatchObject({ status: "succeeded", refundedAmount: 0 });
    expect((await totalsAndTruth()).total).toEqual({ raised: 2500, donors: 1 });
  });
});

// Last: these leave the process's gateway breaker open.
describe("Stripe failing or slow", () => {
  it.each([
    ["rate limiting us (429)", { status: 429 as const }],
    ["failing (500, retried once)", { status: 500 as const }],
    ["refusing our key (401)", { status: 401 as const }],
  ])(
    "answers 503 with Retry-After when Stripe is %s, keeping the donation as failed",
    async (_case, fault) => {
      stripe.setFault(fault);

      const response = await startDonationRoute(jsonDonationRequest(validDonation));

      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await db.donation.findFirst()).toMatchObject({ status: "failed", idempotencyKey: null });
      expect(stripe.sessions.size).toBe(0);
    },
  );

  it("gives up on a Stripe that does not answer, within the gateway breaker's deadline", async () => {
    stripe.setFault({ hangMs: 30_000 });
    const started = Date.now();

    const response = await startDonationRoute(jsonDonationRequest(validDonation));

    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(12_000);
  });

  it("stops asking Stripe once the breaker opens: donors are told to retry, nothing is written", async () => {
    stripe.setFault({ status: 500 });
    for (let i = 0; i < 10 && gatewayBreaker.state() !== "open"; i++) {
      await startDonationRoute(jsonDonationRequest(validDonation));
    }
    expect(gatewayBreaker.state()).toBe("open");
    const asked = stripe.requests.length;
    const donations = await db.donation.count();

    const response = await startDonationRoute(jsonDonationRequest(validDonation));

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).not.toBeNull();
    expect(stripe.requests.length).toBe(asked);
    expect(await db.donation.count()).toBe(donations);
  });
});

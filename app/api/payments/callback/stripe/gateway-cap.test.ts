import { afterAll, describe, expect, it, vi } from "vitest";
import { POST as startDonationRoute } from "@/app/api/donations/route";
import { getDb } from "@/lib/db/client";
import { takeCheckoutToken } from "@/lib/rate-limit/gateway-bucket";
import { gatewayBreaker } from "@/lib/resilience/breakers";
import { jsonDonationRequest, validDonation } from "@/lib/testing/donations/donation-requests";

// The site's share of Stripe's rate (GATEWAY_MAX_CHECKOUTS_PER_SECOND), here 2 per second, with Stripe otherwise
// answering normally: the cap, not Stripe's 429, is what holds a burst back.
const { stripe } = await vi.hoisted(async () => {
  const { startStripeTestServer } = await import("@/lib/testing/stripe-test-server");
  const stripe = await startStripeTestServer({
    secretKey: "sk_test_surge_cap",
    webhookSecret: "whsec_surge_cap",
    deliver: async () => new Response(null, { status: 502 }),
  });
  Object.assign(process.env, {
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_test_surge_cap",
    STRIPE_WEBHOOK_SECRET: "whsec_surge_cap",
    STRIPE_API_URL: stripe.url,
    GATEWAY_MAX_CHECKOUTS_PER_SECOND: "2",
  });
  return { stripe };
});

afterAll(() => stripe.close());

describe("the gateway cap in front of Stripe", () => {
  it("answers a start beyond the cap 503 with Retry-After before writing a row or asking Stripe", async () => {
    // One real start first, so the refused one below is not slowed by loading modules (a token refills in 0.5 s).
    expect((await startDonationRoute(jsonDonationRequest(validDonation))).status).toBe(201);
    while ((await takeCheckoutToken()).success);

    const response = await startDonationRoute(jsonDonationRequest(validDonation));

    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("gateway_busy");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(stripe.requests).toHaveLength(1);
    expect(await getDb().donation.count()).toBe(1);
    // A refusal of ours is not Stripe failing.
    expect(gatewayBreaker.state()).toBe("closed");
  });
});

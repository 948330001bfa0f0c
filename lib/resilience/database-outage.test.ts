import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startCuttableProxy } from "@/lib/testing/cuttable-tcp-proxy";

// This file's database is reached through a TCP hop it can cut, so the outage is real for the code under test
// while the machine's PostgreSQL keeps serving everyone else. Set before any module reads the configuration.
const direct = new URL(process.env.DATABASE_URL as string);
const proxy = await startCuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
const viaProxy = new URL(direct);
viaProxy.host = `127.0.0.1:${proxy.port}`;
process.env.DATABASE_URL = viaProxy.toString();
process.env.DATABASE_CONNECT_TIMEOUT_MS = "1000";
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1000";

const { POST: startDonationRoute } = await import("@/app/api/donations/route");
const { POST: callbackRoute } = await import("@/app/api/payments/callback/route");
const { GET: returnRoute } = await import("@/app/api/payments/return/route");
const { disconnectDb, getDb } = await import("@/lib/db/client");
const { env } = await import("@/lib/env");
const { callbackRequest, jsonDonationRequest, validDonation } =
  await import("@/lib/testing/donations/donation-requests");
const { startedDonation, totalsAndTruth } = await import("@/lib/testing/donations/started-donation");
const { databaseBreaker, gatewayBreaker } = await import("./breakers");
const { callGateway } = await import("./checkout-admission");
const { sandboxGateway } = await import("@/lib/payments/sandbox/sandbox-gateway");

afterAll(async () => {
  proxy.restore();
  await disconnectDb();
  await proxy.close();
});

async function paidEventFor() {
  const donation = await startedDonation();
  const event = {
    id: `evt_${Math.random()}`,
    type: "payment.succeeded" as const,
    sessionId: donation.gatewaySessionId!,
    amount: donation.amount,
    currency: "EUR",
  };
  return { donation, event };
}

const donationStart = () => startDonationRoute(jsonDonationRequest(validDonation));
const donorReturn = (donation: { id: string; gatewaySessionId: string | null }) =>
  returnRoute(
    new Request(
      `${env.APP_URL}/api/payments/return?donation=${donation.id}&session=${donation.gatewaySessionId}`,
    ),
  );

async function expectRetryLater(response: Response) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await response.json()).toMatchObject({ error: { code: "service_unavailable" } });
}

async function untilBreakerCloses(attempt: () => Promise<Response>): Promise<Response> {
  for (let tries = 0; tries < 100; tries++) {
    const response = await attempt();
    if (response.status !== 503) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the database breaker never closed");
}

describe("an unreachable or timed-out database", () => {
  it("answers 503 with Retry-After, not 500, when a statement outlives DATABASE_STATEMENT_TIMEOUT_MS", async () => {
    const { donation, event } = await paidEventFor();
    // Another session holds the donations table, so the callback's statements wait until the timeout cancels them.
    const holder = new pg.Client({ connectionString: direct.toString() });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("LOCK TABLE donations IN ACCESS EXCLUSIVE MODE");
    try {
      await expectRetryLater(await callbackRoute(callbackRequest(event)));
      await expectRetryLater(await donorReturn(donation));
      await expectRetryLater(await donationStart());
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect((await untilBreakerCloses(() => callbackRoute(callbackRequest(event)))).status).toBe(200);
    const { total, truth } = await totalsAndTruth();
    expect(total).toEqual(truth);
  });

  it("does not count the sandbox's failures while PostgreSQL is cut off against the gateway's breaker", async () => {
    // The sandbox keeps its sessions in our database: were these counted, the gateway's breaker would open and keep
    // donations refused for its 15 s after the database is back.
    proxy.cut();
    try {
      for (let attempt = 0; attempt < 6; attempt++) {
        const opened = callGateway(() =>
          sandboxGateway.createCheckout({
            reference: `don_outage_${attempt}`,
            amount: 2500,
            currency: "EUR",
            locale: "en",
            returnUrl: `${env.APP_URL}/api/payments/return`,
            description: "Outage",
            expiresAt: new Date(Date.now() + 60_000),
          }),
        );
        await expect(opened).rejects.toThrow("the database did not answer");
      }
    } finally {
      proxy.restore();
    }
    expect(gatewayBreaker.state()).toBe("closed");
  });

  it("answers 503 with Retry-After on donation start, callback and return while PostgreSQL is cut off, then recovers by itself", async () => {
    const { donation, event } = await paidEventFor();
    const before = await getDb().donation.count();

    proxy.cut();
    // Enough attempts to open the breaker: the answers before it opens and while it is open are the same.
    for (let round = 0; round < 3; round++) {
      await expectRetryLater(await donationStart());
      await expectRetryLater(await callbackRoute(callbackRequest(event)));
      await expectRetryLater(await donorReturn(donation));
    }
    expect(databaseBreaker.state()).not.toBe("closed");
    proxy.restore();

    // The gateway retries the refused callback: it is applied once, and nothing was half-written meanwhile.
    expect((await untilBreakerCloses(() => callbackRoute(callbackRequest(event)))).status).toBe(200);
    expect(databaseBreaker.state()).toBe("closed");
    expect(await getDb().donation.count()).toBe(before);
    expect(await getDb().donation.findUnique({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
    });
    const { total, truth } = await totalsAndTruth();
    expect(total).toEqual(truth);
    expect((await donationStart()).status).toBe(201);
  });
});

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as startDonationRoute } from "@/app/api/donations/route";
import { POST as callbackRoute } from "@/app/api/payments/callback/route";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startedDonation } from "@/lib/testing/donations/started-donation";

// Whatever arrives, the money path answers 2xx/3xx/4xx promptly and never moves money on its own.

const db = getDb();
const ANSWER_WITHIN_MS = 5_000;

async function answer(handler: (request: Request) => Promise<Response>, request: Request): Promise<number> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("no answer in time")), ANSWER_WITHIN_MS),
  );
  return (await Promise.race([handler(request), timeout])).status;
}

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/xml",
  "",
);

const field = fc.constantFrom(
  "amount",
  "customAmount",
  "currency",
  "locale",
  "name",
  "email",
  "anonymous",
  "website",
);
const fieldValue = fc.oneof(
  fc.string(),
  fc.constantFrom("custom", "2500", "-1", "1e9", "EUR", "en", "true", "25,50", "NaN", "0x10"),
);

const body: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.json(),
  fc
    .jsonValue()
    .map((value) => JSON.stringify({ amount: value, currency: value, locale: value, name: value })),
  fc
    .record({
      amount: fc.oneof(fc.integer(), fc.double(), fc.string()),
      currency: fc.string(),
      locale: fc.string(),
    })
    .map((value) => JSON.stringify(value)),
  fc.dictionary(field, fieldValue).map((fields) => new URLSearchParams(fields).toString()),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth)),
  fc.integer({ min: 16 * 1024, max: 40 * 1024 }).map((size) => `{"name":"${"x".repeat(size)}"}`),
  fc.json().chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))),
);

const headers = fc.record(
  {
    "Content-Type": contentType,
    "Content-Length": fc.nat(100_000).map(String),
    "Idempotency-Key": fc.string({ maxLength: 300 }),
    Origin: fc.constantFrom(env.APP_URL, "https://evil.example", "null"),
    "Sandbox-Signature": fc.oneof(
      fc.string(),
      fc
        .tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.stringMatching(/^[0-9a-f]{64}$/))
        .map(([t, v1]) => `t=${t},v1=${v1}`),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((v1) => `t=${Math.floor(Date.now() / 1000)},v1=${v1}`),
    ),
  },
  { requiredKeys: [] },
);

function requestTo(
  path: string,
  payload: string | Uint8Array,
  headerValues: Record<string, string>,
): Request {
  return new Request(`${env.APP_URL}${path}`, {
    method: "POST",
    headers: headerValues,
    body: payload as BodyInit,
  });
}

async function moneyMoved() {
  const totals = await db.campaignTotal.findMany();
  const succeeded = await db.donation.count({ where: { status: "succeeded" } });
  return { totals: totals.map((row) => [row.raised, row.donors]), succeeded };
}

let sessionIds: string[] = [];

beforeAll(async () => {
  const donations = await Promise.all([startedDonation(), startedDonation(5000)]);
  sessionIds = donations.map((donation) => donation.gatewaySessionId!);
});

describe("POST /api/donations with malformed requests", () => {
  it("never answers 5xx, never hangs, never moves money", async () => {
    const before = await moneyMoved();
    await fc.assert(
      fc.asyncProperty(body, headers, async (payload, headerValues) => {
        const status = await answer(startDonationRoute, requestTo("/api/donations", payload, headerValues));
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 1_500 },
    );
    expect(await moneyMoved()).toEqual(before);
  });
});

describe("POST /api/payments/callback with forged and malformed callbacks", () => {
  it("never answers 5xx, never hangs, never moves money", async () => {
    const before = await moneyMoved();
    const forgedEvent = fc
      .record({
        id: fc.string({ minLength: 1 }),
        type: fc.constantFrom("payment.succeeded", "payment.failed", "payment.cancelled", "refund"),
        sessionId: fc.constantFrom(...sessionIds),
        amount: fc.oneof(fc.constantFrom(2500, 5000), fc.integer()),
        currency: fc.constantFrom("EUR", "USD"),
        created: fc.constant(Math.floor(Date.now() / 1000)),
      })
      .map((event) => JSON.stringify(event));
    await fc.assert(
      fc.asyncProperty(fc.oneof(forgedEvent, body), headers, async (payload, headerValues) => {
        const status = await answer(
          callbackRoute,
          requestTo("/api/payments/callback", payload, headerValues),
        );
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 1_500 },
    );
    expect(await moneyMoved()).toEqual(before);
  });
});

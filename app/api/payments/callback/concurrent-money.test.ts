import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startDonation } from "@/lib/donations/start-donation";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { callbackRequest, type CallbackFields } from "@/lib/testing/donations/donation-requests";
import { totalsAndTruth } from "@/lib/testing/donations/started-donation";
import { POST } from "./route";

const db = getDb();

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await db.campaignTotal.deleteMany();
});

type Charge = { sessionId: string; amount: number; currency: string };
type Scenario = (charge: Charge, index: number) => CallbackFields[];

const ok = (charge: Charge, id: string): CallbackFields => ({ ...charge, id, type: "payment.succeeded" });
const refund = (charge: Charge, id: string, refundedAmount: number): CallbackFields => ({
  ...charge,
  id,
  type: "payment.refunded",
  refundedAmount,
});

// Each donation's story as the gateway tells it: every notice is delivered twice (a retry), all of them at once,
// in a shuffled order, so a refund may overtake the success it refunds and a failure the success after it.
const SCENARIOS: {
  name: string;
  events: Scenario;
  status: DonationStatus;
  refundedCharge: number | "all";
}[] = [
  { name: "paid", events: (c, i) => [ok(c, `ok${i}`)], status: "succeeded", refundedCharge: 0 },
  {
    name: "declined, then paid after all",
    events: (c, i) => [{ ...c, id: `fail${i}`, type: "payment.failed" }, ok(c, `ok${i}`)],
    status: "succeeded",
    refundedCharge: 0,
  },
  {
    name: "paid, refunded in two steps",
    events: (c, i) => [ok(c, `ok${i}`), refund(c, `r1_${i}`, 300), refund(c, `r2_${i}`, 800)],
    status: "partially_refunded",
    refundedCharge: 800,
  },
  {
    name: "paid, refunded whole, an older partial notice late",
    events: (c, i) => [ok(c, `ok${i}`), refund(c, `r1_${i}`, 200), refund(c, `r2_${i}`, c.amount)],
    status: "refunded",
    refundedCharge: "all",
  },
  {
    name: "paid, dispute lost",
    events: (c, i) => [ok(c, `ok${i}`), { ...c, id: `dispute${i}`, type: "dispute.lost" }],
    status: "refunded",
    refundedCharge: "all",
  },
  {
    name: "cancelled",
    events: (c, i) => [{ ...c, id: `cancel${i}`, type: "payment.cancelled" }],
    status: "cancelled",
    refundedCharge: 0,
  },
  {
    name: "other money reported",
    events: (c, i) => [ok({ ...c, amount: c.amount - 1 }, `ok${i}`)],
    status: "needs_review",
    refundedCharge: 0,
  },
];

describe("the running total under everything at once", () => {
  it("equals the gifts less what was given back after concurrent successes, retries, refunds and late successes", async () => {
    const donations = [];
    for (let index = 0; index < 56; index++) {
      const { id } = await startDonation({
        amount: 1000 + index * 37,
        currency: "EUR",
        locale: "en",
        anonymous: false,
        showAmount: false,
        // Every other donor covers the fee: refunds come in units of the charge, the total counts the gift.
        coverFees: index % 2 === 0,
      });
      donations.push(await db.donation.findUniqueOrThrow({ where: { id } }));
    }
    const stories = donations.map((donation, index) => {
      const scenario = SCENARIOS[index % SCENARIOS.length];
      const charge = {
        sessionId: donation.gatewaySessionId!,
        amount: donation.amount + donation.fee,
        currency: "EUR",
      };
      return { donation, scenario, events: scenario.events(charge, index) };
    });
    const requests = stories.flatMap(({ events }) => [...events, ...events]);
    for (let i = requests.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [requests[i], requests[j]] = [requests[j], requests[i]];
    }

    const responses = await Promise.all(requests.map((event) => POST(callbackRequest(event))));

    expect(responses.map((response) => response.status).filter((status) => status !== 200)).toEqual([]);
    const { total, truth } = await totalsAndTruth();
    expect(total).toEqual(truth);
    let expected = 0;
    let donors = 0;
    for (const { donation, scenario } of stories) {
      const after = await db.donation.findUniqueOrThrow({ where: { id: donation.id } });
      // Gift first, never more than the gift.
      const refundedCharge = scenario.refundedCharge === "all" ? Infinity : scenario.refundedCharge;
      const refunded = Math.min(refundedCharge, donation.amount);
      expect({ story: scenario.name, status: after.status, refunded: after.refundedAmount }).toEqual({
        story: scenario.name,
        status: scenario.status,
        refunded:
          scenario.status === "succeeded" ||
          scenario.status === "partially_refunded" ||
          scenario.status === "refunded"
            ? refunded
            : 0,
      });
      if (scenario.status === "succeeded" || scenario.status === "partially_refunded") {
        expected += donation.amount - refunded;
        donors += 1;
      }
    }
    expect(total).toEqual({ raised: expected, donors });
    // Every notice stored once, however often it came.
    expect(await db.paymentEvent.count()).toBe(requests.length / 2);
  }, 120_000);
});

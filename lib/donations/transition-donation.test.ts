import { beforeEach, describe, expect, it } from "vitest";
import { campaign } from "@/lib/campaign/config";
import { getDb } from "@/lib/db/client";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { totalsAndTruth } from "@/lib/testing/donations/started-donation";
import { newDonationId } from "./donation-id";
import { ALLOWED_FROM, refundDonation, transitionDonation } from "./transition-donation";

const STATUSES: DonationStatus[] = [
  "pending",
  "succeeded",
  "failed",
  "cancelled",
  "expired",
  "refunded",
  "partially_refunded",
  "needs_review",
];

// Written out rather than read from ALLOWED_FROM, so a change to the table must be made here too, on purpose.
// Nothing returns to pending; a success leaves only as money given back; a refunded gift is final; a success may
// still arrive after we gave up (failed, cancelled, expired), and other money than expected goes to review.
const ENTERED_FROM: Record<DonationStatus, readonly DonationStatus[]> = {
  pending: [],
  succeeded: ["pending", "failed", "cancelled", "expired"],
  failed: ["pending"],
  cancelled: ["pending"],
  expired: ["pending"],
  partially_refunded: ["succeeded", "partially_refunded"],
  refunded: ["succeeded", "partially_refunded"],
  needs_review: ["pending", "failed", "cancelled", "expired"],
};
const GIVEN_UP: readonly DonationStatus[] = ["failed", "cancelled", "expired"];

// Donations made in a status directly are not in the total; each test measures its own change, and starts clean.
beforeEach(async () => {
  await getDb().donation.deleteMany();
  await getDb().campaignTotal.deleteMany();
});

const AMOUNT = 700;
const PARTLY_REFUNDED = 100;

async function donationIn(status: DonationStatus) {
  return getDb().donation.create({
    data: {
      id: newDonationId(),
      campaign: campaign.slug,
      amount: AMOUNT,
      currency: campaign.currency,
      gateway: "sandbox",
      locale: "en",
      status,
      // The database requires a completion time exactly on final donations, and the refunded part by status.
      completedAt: status === "pending" ? null : new Date(),
      refundedAmount: status === "refunded" ? AMOUNT : status === "partially_refunded" ? PARTLY_REFUNDED : 0,
    },
  });
}

type Moved = Parameters<typeof transitionDonation>[2];
const MOVED_BY_TRANSITION = STATUSES.filter(
  (status): status is Moved => status !== "refunded" && status !== "partially_refunded",
);

const PAIRS = STATUSES.flatMap((from) =>
  MOVED_BY_TRANSITION.flatMap((to) =>
    [true, false].map((gatewayReported) => ({
      from,
      to,
      gatewayReported,
      // A success on a donation we had given up on counts only on the gateway's own word.
      moves:
        ENTERED_FROM[to].includes(from) &&
        (gatewayReported || to !== "succeeded" || !GIVEN_UP.includes(from)),
    })),
  ),
);

describe("ALLOWED_FROM", () => {
  it("names every status, entered only from the ones the table above allows", () => {
    for (const to of STATUSES) expect([...ALLOWED_FROM[to]].sort()).toEqual([...ENTERED_FROM[to]].sort());
  });
});

describe("transitionDonation", () => {
  it.each(PAIRS)(
    "$from → $to (gateway's word: $gatewayReported) changes the donation: $moves",
    async ({ from, to, gatewayReported, moves }) => {
      const donation = await donationIn(from);
      const before = await totalsAndTruth();
      const left = await getDb().$transaction((tx) =>
        transitionDonation(tx, donation, to, { gatewayReported }),
      );
      const after = await getDb().donation.findUniqueOrThrow({ where: { id: donation.id } });
      const totals = await totalsAndTruth();

      expect(left).toBe(moves ? from : null);
      expect(after.status).toBe(moves ? to : from);
      // Only a success that happens now counts, once.
      const counted = moves && to === "succeeded";
      expect(totals.total.raised - before.total.raised).toBe(counted ? AMOUNT : 0);
      expect(totals.total.donors - before.total.donors).toBe(counted ? 1 : 0);
    },
  );
});

describe("refundDonation", () => {
  it.each([
    // from, cumulative part of the gift refunded, then: status, refunded_amount, taken from the total, donors
    ["succeeded", 300, "partially_refunded", 300, 300, 0],
    ["succeeded", AMOUNT, "refunded", AMOUNT, AMOUNT, -1],
    ["succeeded", AMOUNT + 500, "refunded", AMOUNT, AMOUNT, -1],
    ["partially_refunded", 300, "partially_refunded", 300, 300 - PARTLY_REFUNDED, 0],
    ["partially_refunded", AMOUNT, "refunded", AMOUNT, AMOUNT - PARTLY_REFUNDED, -1],
    // An older notice (less refunded than we know of) or a repeated one takes nothing.
    ["partially_refunded", PARTLY_REFUNDED - 50, "partially_refunded", PARTLY_REFUNDED, 0, 0],
    ["partially_refunded", PARTLY_REFUNDED, "partially_refunded", PARTLY_REFUNDED, 0, 0],
    ["refunded", AMOUNT, "refunded", AMOUNT, 0, 0],
    // Nothing was counted, so nothing can be given back from the total.
    ["pending", 300, "pending", 0, 0, 0],
    ["failed", 300, "failed", 0, 0, 0],
    ["needs_review", 300, "needs_review", 0, 0, 0],
  ] as const)(
    "%s, %i refunded so far → %s with %i refunded, %i taken out",
    async (from, refunded, status, refundedAmount, taken, donors) => {
      const donation = await donationIn(from);
      const before = await totalsAndTruth();

      const refund = await getDb().$transaction((tx) => refundDonation(tx, donation, refunded));

      const after = await getDb().donation.findUniqueOrThrow({ where: { id: donation.id } });
      const totals = await totalsAndTruth();
      expect(refund?.taken ?? 0).toBe(taken);
      expect(after).toMatchObject({ status, refundedAmount });
      expect(before.total.raised - totals.total.raised).toBe(taken);
      expect(totals.total.donors - before.total.donors).toBe(donors);
    },
  );

  it("takes a gift out of the total only once when two refund notices race", async () => {
    const donation = await donationIn("pending");
    await getDb().$transaction((tx) => transitionDonation(tx, donation, "succeeded"));

    await Promise.all(
      [300, 300, AMOUNT, 500].map((refunded) =>
        getDb().$transaction((tx) => refundDonation(tx, donation, refunded)),
      ),
    );

    const { total, truth } = await totalsAndTruth();
    expect(total).toEqual(truth);
    expect(await getDb().donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "refunded",
      refundedAmount: AMOUNT,
    });
  });
});

describe("the database", () => {
  it.each([
    ["more refunded than the gift", "refunded", AMOUNT + 1],
    ["a negative refund", "succeeded", -1],
    ["a refunded gift with part of it kept", "refunded", AMOUNT - 1],
    ["a partial refund of nothing", "partially_refunded", 0],
    ["a partial refund of everything", "partially_refunded", AMOUNT],
    ["a succeeded gift with something refunded", "succeeded", 1],
    ["a review with something refunded", "needs_review", 1],
  ] as const)("refuses %s", async (_case, status, refundedAmount) => {
    const donation = await donationIn("succeeded");
    await expect(
      getDb().donation.update({ where: { id: donation.id }, data: { status, refundedAmount } }),
    ).rejects.toThrow(/refunded_amount/);
  });
});

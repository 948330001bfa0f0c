import { describe, expect, it } from "vitest";
import { campaign } from "@/lib/campaign/config";
import { getDb } from "@/lib/db/client";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { totalsAndTruth } from "@/lib/testing/donations/started-donation";
import { newDonationId } from "./donation-id";
import { ALLOWED_FROM, transitionDonation } from "./transition-donation";

const STATUSES: DonationStatus[] = ["pending", "succeeded", "failed", "cancelled", "expired"];

// Written out rather than read from ALLOWED_FROM, so a change to the table must be made here too, on purpose.
// Only a pending donation moves; a final status is never left, and nothing ever returns to pending.
const MAY_MOVE: Record<DonationStatus, readonly DonationStatus[]> = {
  pending: ["succeeded", "failed", "cancelled", "expired"],
  succeeded: [],
  failed: [],
  cancelled: [],
  expired: [],
};

const PAIRS = STATUSES.flatMap((from) =>
  STATUSES.map((to) => ({ from, to, moves: MAY_MOVE[from].includes(to) })),
);

async function donationIn(status: DonationStatus) {
  return getDb().donation.create({
    data: {
      id: newDonationId(),
      campaign: campaign.slug,
      amount: 700,
      currency: campaign.currency,
      gateway: "sandbox",
      locale: "en",
      status,
      // The database requires a completion time exactly on final donations.
      completedAt: status === "pending" ? null : new Date(),
    },
  });
}

describe("ALLOWED_FROM", () => {
  it("names every status, entered only from the ones the table below allows", () => {
    for (const to of STATUSES) {
      const from = STATUSES.filter((status) => MAY_MOVE[status].includes(to));
      expect([...ALLOWED_FROM[to]].sort()).toEqual(from.sort());
    }
  });
});

describe("transitionDonation", () => {
  it.each(PAIRS)("$from → $to changes the donation: $moves", async ({ from, to, moves }) => {
    const donation = await donationIn(from);
    const before = await totalsAndTruth();
    const changed = await getDb().$transaction((tx) => transitionDonation(tx, donation, to));
    const after = await getDb().donation.findUniqueOrThrow({ where: { id: donation.id } });
    const totals = await totalsAndTruth();

    expect(changed).toBe(moves);
    expect(after.status).toBe(moves ? to : from);
    // Only a success that happens now counts, once.
    const counted = moves && to === "succeeded";
    expect(totals.total.raised - before.total.raised).toBe(counted ? 700 : 0);
    expect(totals.total.donors - before.total.donors).toBe(counted ? 1 : 0);
  });
});

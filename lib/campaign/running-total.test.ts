import { describe, expect, it } from "vitest";
import { getDb, getSql, queryRows } from "@/lib/db/client";
import { POST as callback } from "@/app/api/payments/callback/route";
import { callbackRequest, type CallbackFields } from "@/lib/testing/donations/donation-requests";
import { startedDonation, totalsAndTruth } from "@/lib/testing/donations/started-donation";
import { newDonationId } from "@/lib/donations/donation-id";
import { Prisma } from "@/lib/generated/prisma/client";
import { campaign } from "./config";
import { addToTotals, stripeOf, stripeSql, TOTAL_STRIPES } from "./running-total";
import { readTotals } from "./totals";

const db = getDb();

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

async function reset() {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await db.campaignTotal.deleteMany();
}

describe("addToTotals", () => {
  it("stays exact under concurrent, duplicated and reordered callbacks, spread over several rows", async () => {
    await reset();
    const donations = await Promise.all(Array.from({ length: 60 }, (_, i) => startedDonation(100 + i * 37)));
    const events: CallbackFields[] = [];
    donations.forEach((donation, i) => {
      const base = { sessionId: donation.gatewaySessionId!, amount: donation.amount, currency: "EUR" };
      const success = { ...base, id: `evt_ok_${i}`, type: "payment.succeeded" as const };
      // Every success is delivered three times; every fifth donation also gets a decline, which may arrive first.
      events.push(success, success, success);
      if (i % 5 === 0) events.push({ ...base, id: `evt_no_${i}`, type: "payment.failed" });
    });

    const responses = await Promise.all(shuffled(events).map((event) => callback(callbackRequest(event))));

    expect(responses.map((response) => response.status)).toEqual(events.map(() => 200));
    const { total, truth } = await totalsAndTruth();
    expect(total).toEqual(truth);
    expect(truth.donors).toBeGreaterThanOrEqual(48);
    const settled = await db.donation.count({ where: { status: { in: ["succeeded", "failed"] } } });
    expect(settled).toBe(60);
    expect(await readTotals()).toMatchObject({ raised: truth.raised, donors: truth.donors });
    // Each notice is recorded once however often it came. Every success was applied (one after a decline is a
    // late success, which counts); a decline was applied only if it came first.
    const recorded = await db.paymentEvent.findMany({ select: { gatewayEventId: true, outcome: true } });
    const ids = [...new Set(events.map((event) => event.id))].sort();
    expect(recorded.map((event) => event.gatewayEventId).sort()).toEqual(ids);
    for (const { gatewayEventId, outcome } of recorded) {
      if (gatewayEventId.startsWith("evt_ok_")) expect(outcome).toBe("applied:succeeded");
      else expect(["applied:failed", "ignored:already-final"]).toContain(outcome);
    }
    // Spread over rows, not one: 48+ donations' stripes all being one of 16 is beyond chance.
    const rows = await db.campaignTotal.count();
    expect(rows).toBeGreaterThan(1);
    expect(rows).toBeLessThanOrEqual(TOTAL_STRIPES);
  });

  it("takes refunds as negative changes on any stripe, keeping the sum exact", async () => {
    await reset();
    const changes = [
      ...Array.from({ length: 40 }, () => ({ raised: 1_000, donors: 1 })),
      ...Array.from({ length: 15 }, () => ({ raised: -1_000, donors: -1 })),
    ];

    await Promise.all(
      shuffled(changes).map((change, i) =>
        db.$transaction((tx) =>
          addToTotals(tx, { campaign: campaign.slug, currency: campaign.currency, id: `don_${i}` }, change),
        ),
      ),
    );

    expect(await readTotals()).toMatchObject({ raised: 25_000, donors: 25 });
  });

  it("keeps each currency's total apart", async () => {
    await reset();
    await db.$transaction(async (tx) => {
      await addToTotals(
        tx,
        { campaign: campaign.slug, currency: campaign.currency, id: "don_eur" },
        { raised: 2_500, donors: 1 },
      );
      await addToTotals(
        tx,
        { campaign: campaign.slug, currency: "JPY", id: "don_jpy" },
        { raised: 300_000, donors: 1 },
      );
    });

    expect(await readTotals()).toMatchObject({ currency: campaign.currency, raised: 2_500, donors: 1 });
  });

  it("moves one donation on one stripe, so a transaction moving it twice holds one row lock", () => {
    const ids = Array.from({ length: 400 }, (_, i) => `don_${i}`);
    expect(new Set(ids.map((id) => stripeOf(id))).size).toBe(TOTAL_STRIPES);
    for (const id of ids.slice(0, 20)) expect(stripeOf(id)).toBe(stripeOf(id));
  });

  it("picks in SQL the stripe stripeOf picks, for the statement that settles a callback", async () => {
    const ids = Array.from({ length: 400 }, () => newDonationId());
    const rows = await queryRows<{ id: string; stripe: number }>(
      getSql(),
      Prisma.sql`SELECT id, ${stripeSql(Prisma.sql`id`)} AS stripe FROM unnest(${ids}::text[]) AS id`,
    );
    expect(rows.map((row) => row.stripe)).toEqual(ids.map((id) => stripeOf(id)));
    expect(new Set(rows.map((row) => row.stripe)).size).toBe(TOTAL_STRIPES);
  });

  it("moves nothing when its transaction rolls back", async () => {
    await reset();
    const key = { campaign: campaign.slug, currency: campaign.currency, id: "don_rolled_back" };
    await expect(
      db.$transaction(async (tx) => {
        await addToTotals(tx, key, { raised: 9_999, donors: 1 });
        throw new Error("the donation's own update failed");
      }),
    ).rejects.toThrow();

    expect(await readTotals()).toMatchObject({ raised: 0, donors: 0 });
  });
});

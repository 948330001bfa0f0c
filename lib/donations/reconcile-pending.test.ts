import { beforeEach, describe, expect, it, vi } from "vitest";
import { campaign } from "@/lib/campaign/config";
import { getDb } from "@/lib/db/client";
import { completeSession } from "@/lib/payments/sandbox/sandbox-sessions";
import { newDonationId } from "./donation-id";
import { reconcilePending } from "./reconcile-pending";
import { startedDonation, totalsAndTruth } from "@/lib/testing/donations/started-donation";

const db = getDb();
const hourAgo = () => new Date(Date.now() - 60 * 60_000);

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await db.campaignTotal.deleteMany();
});

/** A donation started an hour ago whose callback never arrived, after the donor did `choice` (or nothing). */
async function oldDonation(choice: "pay" | "decline" | "cancel" | null) {
  const donation = await startedDonation();
  if (choice) await completeSession(donation.gatewaySessionId!, choice);
  await db.donation.update({ where: { id: donation.id }, data: { createdAt: hourAgo() } });
  return donation;
}

const statusOf = async (id: string) => (await db.donation.findUniqueOrThrow({ where: { id } })).status;

describe("reconcilePending", () => {
  it.each([
    ["confirms a donation paid at the gateway whose callback was lost", "pay", "succeeded"],
    ["fails a donation declined at the gateway", "decline", "failed"],
    ["cancels a donation cancelled at the gateway", "cancel", "cancelled"],
  ] as const)("%s", async (_case, choice, status) => {
    const donation = await oldDonation(choice);

    const summary = await reconcilePending({ olderThanMinutes: 30 });

    expect(await statusOf(donation.id)).toBe(status);
    expect(summary).toMatchObject({ checked: 1, [status]: 1, errors: 0 });
    const { total, truth } = await totalsAndTruth();
    expect(total).toEqual(truth);
  });

  it("expires a donation abandoned on a checkout that has expired", async () => {
    const donation = await oldDonation(null);
    await db.sandboxSession.update({
      where: { id: donation.gatewaySessionId! },
      data: { expiresAt: hourAgo() },
    });

    await reconcilePending({ olderThanMinutes: 30 });

    expect(await statusOf(donation.id)).toBe("expired");
  });

  it("leaves a donation pending while its checkout is still open", async () => {
    const donation = await oldDonation(null);

    const summary = await reconcilePending({ olderThanMinutes: 30 });

    expect(await statusOf(donation.id)).toBe("pending");
    expect(summary).toMatchObject({ checked: 1, pending: 1 });
  });

  it("expires a donation that never reached the gateway", async () => {
    const id = newDonationId();
    await db.donation.create({
      data: { id, campaign: campaign.slug, amount: 2500, currency: "EUR", gateway: "sandbox", locale: "en" },
    });
    await db.donation.update({ where: { id }, data: { createdAt: hourAgo() } });

    await reconcilePending({ olderThanMinutes: 30 });

    expect(await statusOf(id)).toBe("expired");
  });

  it("does not touch donations younger than the configured age", async () => {
    const donation = await startedDonation();
    await completeSession(donation.gatewaySessionId!, "pay");

    const summary = await reconcilePending({ olderThanMinutes: 30 });

    expect(summary.checked).toBe(0);
    expect(await statusOf(donation.id)).toBe("pending");
  });

  it("runs once when two reconciler runs start at the same time, counting the payment once", async () => {
    const donation = await oldDonation("pay");

    const runs = await Promise.allSettled([
      reconcilePending({ olderThanMinutes: 30 }),
      reconcilePending({ olderThanMinutes: 30 }),
    ]);

    expect(runs.map((run) => run.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = runs.find((run) => run.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "reconcile_in_progress" });
    expect(await statusOf(donation.id)).toBe("succeeded");
    expect((await totalsAndTruth()).total).toEqual({ raised: 2500, donors: 1 });
  });
});

describe("reconcilePending, walking what is due", () => {
  /** `count` donations created `minutesAgo`, each on a sandbox checkout still open (the gateway says pending). */
  async function stuckDonations(count: number, minutesAgo: number) {
    const createdAt = new Date(Date.now() - minutesAgo * 60_000);
    const rows = Array.from({ length: count }, (_, index) => ({
      id: newDonationId(),
      session: `sbx_stuck${index}`,
    }));
    await db.sandboxSession.createMany({
      data: rows.map(({ session }) => ({
        id: session,
        reference: session,
        amount: 2500,
        currency: "EUR",
        locale: "en",
        returnUrl: "http://localhost:3000/return",
        expiresAt: new Date(Date.now() + 3_600_000),
      })),
    });
    await db.donation.createMany({
      data: rows.map(({ id, session }) => ({
        id,
        campaign: campaign.slug,
        amount: 2500,
        currency: "EUR",
        gateway: "sandbox",
        gatewaySessionId: session,
        locale: "en",
        createdAt,
      })),
    });
  }

  beforeEach(async () => {
    await db.sandboxSession.deleteMany();
  });

  it("confirms a newer paid donation behind 250 that the gateway keeps calling pending", async () => {
    await stuckDonations(250, 120);
    const newer = await oldDonation("pay");

    const runs = [];
    for (let run = 0; run < 3 && (await statusOf(newer.id)) === "pending"; run++) {
      runs.push(await reconcilePending({ olderThanMinutes: 30, limit: 200 }));
    }

    expect(await statusOf(newer.id)).toBe("succeeded");
    expect(runs.length).toBeLessThanOrEqual(2);
    expect(runs.reduce((sum, run) => sum + run.checked, 0)).toBe(251);
    expect((await totalsAndTruth()).total).toEqual({ raised: 2500, donors: 1 });
  });

  it("asks again about a donation still pending only after its backoff, doubling", async () => {
    const donation = await oldDonation(null);

    const first = await reconcilePending({ olderThanMinutes: 30 });
    const right = await reconcilePending({ olderThanMinutes: 30 });
    const after = await db.donation.findUniqueOrThrow({ where: { id: donation.id } });

    expect([first.checked, right.checked]).toEqual([1, 0]);
    expect(after.reconcileChecks).toBe(1);
    const [{ wait }] = await db.$queryRaw<{ wait: number }[]>`
      SELECT extract(epoch FROM next_check_at - now())::float AS wait FROM donations WHERE id = ${donation.id}`;
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);

    // Due again: the next pause is twice as long.
    await db.donation.update({ where: { id: donation.id }, data: { nextCheckAt: new Date(0) } });
    expect((await reconcilePending({ olderThanMinutes: 30 })).checked).toBe(1);
    const [{ wait: second }] = await db.$queryRaw<{ wait: number }[]>`
      SELECT extract(epoch FROM next_check_at - now())::float AS wait FROM donations WHERE id = ${donation.id}`;
    expect(second).toBeGreaterThan(110);
  });

  it("decides a donation's age by the database's clock, not the app host's", async () => {
    const donation = await startedDonation();
    await completeSession(donation.gatewaySessionId!, "pay");
    // The app host's clock runs three hours ahead; the donation is still minutes old by the database's.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 3 * 3_600_000 });
    try {
      const summary = await reconcilePending({ olderThanMinutes: 30 });
      expect(summary.checked).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    expect(await statusOf(donation.id)).toBe("pending");
  });
});

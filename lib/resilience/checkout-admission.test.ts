import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startDonation } from "@/lib/donations/start-donation";
import { gatewayBreaker } from "./breakers";

const db = getDb();
const input = {
  amount: 2500,
  currency: "EUR",
  locale: "en" as const,
  anonymous: false,
  showAmount: false,
  coverFees: false,
};
const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
await admin.connect();
afterAll(() => admin.end());

async function waitForBlockedQuery() {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await admin.query("SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted");
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the trial checkout never reached the locked table");
}

describe("admitCheckout while the gateway's breaker is half-open", () => {
  it("refuses a donation start before writing its row while the one trial checkout is in flight", async () => {
    // The simulated gateway fails for real (its table is gone) until the breaker opens.
    await admin.query("ALTER TABLE sandbox_sessions RENAME TO sandbox_sessions_away");
    for (let i = 0; i < 5; i++)
      await expect(startDonation(input)).rejects.toMatchObject({ code: "service_unavailable" });
    await admin.query("ALTER TABLE sandbox_sessions_away RENAME TO sandbox_sessions");
    expect(gatewayBreaker.state()).toBe("open");

    // The gateway breaker half-opens after 15 s.
    for (let i = 0; i < 40 && gatewayBreaker.state() !== "half-open"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(gatewayBreaker.state()).toBe("half-open");

    // The gateway is slow: the trial checkout waits on a lock another session holds.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("BEGIN; LOCK TABLE sandbox_sessions IN ACCESS EXCLUSIVE MODE");
    const trial = startDonation(input);
    await waitForBlockedQuery();
    const rowsBefore = await db.donation.count();

    await expect(startDonation(input)).rejects.toMatchObject({ code: "service_unavailable" });
    expect(await db.donation.count()).toBe(rowsBefore);

    await blocker.query("COMMIT");
    await blocker.end();
    await expect(trial).resolves.toMatchObject({ status: "pending" });
    expect(gatewayBreaker.state()).toBe("closed");
  }, 60_000);
});

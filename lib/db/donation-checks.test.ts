import { describe, expect, it } from "vitest";
import { getDb } from "./client";

// The last line of defence for money and status: PostgreSQL refuses these rows whatever the code does.
const db = getDb();
const insertDonation = (status: string, completedAt: string | null, amount = 2500) =>
  db.$executeRawUnsafe(
    `INSERT INTO donations (id, campaign, amount, currency, status, gateway, locale, completed_at)
     VALUES ('don_check_' || md5(random()::text), 'launch', $1, 'EUR', $2::donation_status, 'sandbox', 'en', $3::timestamptz)`,
    amount,
    status,
    completedAt,
  );
const now = new Date().toISOString();

describe("the donations table", () => {
  it.each([
    ["a pending donation with a completion time", "pending", now, "donations_completed_at_when_final"],
    ["a succeeded donation without one", "succeeded", null, "donations_completed_at_when_final"],
    ["an expired donation without one", "expired", null, "donations_completed_at_when_final"],
  ])("refuses %s", async (_case, status, completedAt, constraint) => {
    await expect(insertDonation(status, completedAt)).rejects.toThrow(constraint);
  });

  it.each([
    ["pending", null],
    ["succeeded", now],
    ["failed", now],
  ])("accepts a %s donation with completed_at %j", async (status, completedAt) => {
    await expect(insertDonation(status, completedAt)).resolves.toBe(1);
  });

  it.each([[0], [-2500]])("refuses an amount of %i", async (amount) => {
    await expect(insertDonation("pending", null, amount)).rejects.toThrow("donations_amount_positive");
  });
});

describe("the sandbox sessions table", () => {
  it.each([[0], [-1]])("refuses an amount of %i", async (amount) => {
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO sandbox_sessions (id, reference, amount, currency, locale, return_url, expires_at)
         VALUES ('sbx_check_' || md5(random()::text), 'don_x', $1, 'EUR', 'en', 'http://x', now())`,
        amount,
      ),
    ).rejects.toThrow("sandbox_sessions_amount_positive");
  });
});

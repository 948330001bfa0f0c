import { describe, expect, it } from "vitest";
import { withPgConnection } from "@/lib/db/pg-connection";
import { TEST_DATABASE_URL } from "@/lib/testing/test-database";
import { disconnectDb, getDb, getSql } from "./client";

// The driver's statements (getSql) and Prisma share one pool, opened on first use.

const thisDatabase = () => new URL(process.env.DATABASE_URL!).pathname.slice(1);

describe("the database connections", () => {
  it("outlive a server that drops their idle connections, without ending the process", async () => {
    // Only the driver has been used in this file so far, so no listener of Prisma's is on the pool: an idle
    // connection's error reaches ours alone, and unheard it would be an uncaught exception that fails this run.
    await Promise.all([1, 2, 3].map(() => getSql().query("SELECT pg_sleep(0.05)", [])));
    const dropped = await withPgConnection(TEST_DATABASE_URL, async (admin) => {
      const { rows } = await admin.query(
        "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [thisDatabase()],
      );
      return rows.length;
    });
    expect(dropped).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { rows } = await getSql().query<{ answer: number }>("SELECT 42 AS answer", []);
    expect(rows).toEqual([{ answer: 42 }]);
  });

  it("share one pool: a driver write is what Prisma reads, and both reopen after disconnectDb", async () => {
    const written = await getSql().query(
      `INSERT INTO donations (id, campaign, amount, currency, gateway, locale) VALUES ($1, 'c', 100, 'EUR', 'sandbox', 'en')`,
      ["don_shared_pool"],
    );
    expect(written.rowCount).toBe(1);
    expect(await getDb().donation.findUnique({ where: { id: "don_shared_pool" } })).toMatchObject({
      amount: 100,
    });
    await disconnectDb();
    expect(await getDb().donation.count()).toBe(1);
    expect((await getSql().query("SELECT 1", [])).rowCount).toBe(1);
  });
});

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "./migrations";
import { pgConnection } from "./pg-connection";

describe("applyMigrations", () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const connection = pgConnection(client);
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("records every migration the way Prisma does, with its sha256 checksum", async () => {
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      readMigrations().map((migration) => [migration.name, migration.checksum]),
    );
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(connection)).toEqual([]);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const [first] = readMigrations();
    await expect(applyMigrations(connection, [{ ...first, checksum: "0".repeat(64) }])).rejects.toThrow(
      /was changed after it was applied/,
    );
  });

  it("rolls a failing migration back whole", async () => {
    const broken = {
      name: "29990101000000_broken",
      sql: "CREATE TABLE half (id int); SELECT 1/0;",
      checksum: "x",
    };
    await expect(applyMigrations(connection, [broken])).rejects.toThrow(/broken failed/);
    const { rows } = await client.query(`SELECT to_regclass('half') AS half`);
    expect(rows[0].half).toBeNull();
  });
});

import { randomBytes } from "node:crypto";
import { applyMigrations } from "@/lib/db/migrations";
import { withPgConnection } from "@/lib/db/pg-connection";

// Integration tests run against the real PostgreSQL. Each test file gets a database of its own, created and
// migrated here and dropped afterwards, so files run in parallel without seeing each other's rows.
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";

/** The URL of database `name` on the server `url` points at. */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Creates an empty database through `adminUrl`, first dropping one left under that name by an earlier run. */
export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await withPgConnection(adminUrl, async (admin) => {
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE "${name}"`);
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withPgConnection(adminUrl, (admin) => admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `surge_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await createDatabase(TEST_DATABASE_URL, name);
  const url = databaseUrl(TEST_DATABASE_URL, name);
  await withPgConnection(url, applyMigrations);
  return { url, drop: () => dropDatabase(TEST_DATABASE_URL, name) };
}

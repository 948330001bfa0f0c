import { afterAll } from "vitest";
import { createTestDatabase } from "./test-database";

// Runs before each test file's imports, so lib/env.ts sees this file's own database.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await database.drop();
});

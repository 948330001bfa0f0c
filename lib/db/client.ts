import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { openEmbeddedDatabase } from "./embedded";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  if (env.DATABASE_URL) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
  }
  return new PrismaClient({ adapter: openEmbeddedDatabase(env.PGLITE_DATA_DIR) });
}

// One client per process. Created on first use rather than on import: PGlite opens its data folder the moment it
// is constructed, and `next build` imports every module long before any of them needs the database.
const globalForDb = globalThis as unknown as { surgeDb?: PrismaClient };

export function getDb(): PrismaClient {
  globalForDb.surgeDb ??= createClient();
  return globalForDb.surgeDb;
}

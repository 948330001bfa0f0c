import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { openEmbeddedPglite } from "./embedded";

export type Db = PrismaClient;

/**
 * Statements sent straight to the driver, on the same connections Prisma uses. Only for the few statements every
 * donation start and callback runs: there Prisma's own layers (query interpretation, result mapping, tracing)
 * cost each round trip more than twice what the driver does, and on launch night that is most of the CPU the
 * server spends. Everything else goes through Prisma.
 */
export interface Sql {
  query<Row>(text: string, values: unknown[]): Promise<{ rows: Row[]; rowCount: number }>;
}

interface Database {
  prisma: PrismaClient;
  sql: Sql;
  close(): Promise<void>;
}

function openDatabase(): Database {
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
      // Waiting for a free connection and opening a new one share this deadline: no request queues for ever.
      connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
      // The server cancels a slow statement; the client gives up too if the server itself stops answering
      // (a frozen host or a dropped network sends no error at all).
      statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
      query_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS + 1_000,
    });
    // A restarting server drops idle connections; the pool replaces them. Unheard, the event would end the process.
    pool.on("error", (error) => logger.warn("database.idle_connection_lost", { error: error.message }));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      sql: {
        query: async (text, values) => {
          const result = await pool.query(text, values);
          return { rows: result.rows, rowCount: result.rowCount ?? 0 };
        },
      },
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const pglite = openEmbeddedPglite(env.PGLITE_DATA_DIR);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    sql: {
      query: async <Row>(text: string, values: unknown[]) => {
        const result = await pglite.query<Row>(text, values);
        return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
      },
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

// One set of connections per process. Opened on first use rather than on import: PGlite opens its data folder the
// moment it is constructed, and `next build` imports every module long before any of them needs the database.
const globalForDb = globalThis as unknown as { surgeDatabase?: Database };

function database(): Database {
  globalForDb.surgeDatabase ??= openDatabase();
  return globalForDb.surgeDatabase;
}

export function getDb(): PrismaClient {
  return database().prisma;
}

export function getSql(): Sql {
  return database().sql;
}

/** Closes every connection, so a script or a test file can end; the next use opens them again. */
export async function disconnectDb(): Promise<void> {
  const open = globalForDb.surgeDatabase;
  globalForDb.surgeDatabase = undefined;
  await open?.close();
}

/** What runs a statement that must work both on its own and inside a Prisma transaction (transitionDonation). */
export type Queryable = Sql | Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/** Runs a Prisma.sql statement on the driver, or in the transaction it is given. */
export async function queryRows<Row>(db: Queryable, statement: Prisma.Sql): Promise<Row[]> {
  if ("query" in db) return (await db.query<Row>(statement.text, statement.values)).rows;
  return db.$queryRawUnsafe<Row[]>(statement.text, ...statement.values);
}

/** Runs a Prisma.sql statement on the driver and returns how many rows it wrote. */
export async function execute(statement: Prisma.Sql): Promise<number> {
  return (await getSql().query(statement.text, statement.values)).rowCount;
}

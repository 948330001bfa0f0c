import pg from "pg";
import { env } from "@/lib/env";
import { openEmbeddedPglite } from "./embedded";
import type { SqlConnection } from "./migrations";

// A plain SQL connection to whichever database the configuration names, for set-up scripts (migrate, seed) that
// must run before the app, without Prisma.
export async function withSqlConnection<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return await fn({
        query: (text, params) => client.query(text, params),
        exec: (text) => client.query(text),
      });
    } finally {
      await client.end();
    }
  }
  const pglite = openEmbeddedPglite(env.PGLITE_DATA_DIR);
  try {
    return await fn({
      query: (text, params) => pglite.query<Record<string, unknown>>(text, params),
      exec: (text) => pglite.exec(text),
    });
  } finally {
    await pglite.close();
  }
}

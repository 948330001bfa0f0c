import "server-only";
import { env } from "@/lib/env";
import { openEmbeddedPglite } from "./embedded";
import type { SqlConnection } from "./migrations";
import { withPgConnection } from "./pg-connection";

// A plain SQL connection to whichever database the configuration names, for set-up scripts (migrate, seed) that
// must run before the app, without Prisma.
export async function withSqlConnection<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return withPgConnection(env.DATABASE_URL, fn);
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

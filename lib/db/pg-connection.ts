import pg from "pg";
import type { SqlConnection } from "./migrations";

/** A node-postgres client as the plain SQL connection the migration runner speaks. */
export function pgConnection(client: pg.Client): SqlConnection {
  return { query: (text, params) => client.query(text, params), exec: (text) => client.query(text) };
}

/** Opens a client to `url` for the length of `fn`, closing it whatever happens. */
export async function withPgConnection<T>(
  url: string,
  fn: (connection: SqlConnection) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(pgConnection(client));
  } finally {
    await client.end();
  }
}

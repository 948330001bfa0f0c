import pg from "pg";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

// Two reconciliations at once would ask the gateway twice about every donation. A PostgreSQL advisory lock on a
// connection of its own holds across every instance and is released by the server if this process dies mid-run;
// the embedded database belongs to one process, where a flag in memory is the lock.
export const RECONCILE_LOCK = { namespace: 7_240_112, key: 1 } as const;

let runningHere = false;

function busy(): never {
  throw new ApiError("reconcile_in_progress", "another reconciliation holds the lock", {
    retryAfterSeconds: 60,
  });
}

/** Runs `work` while holding the reconcile lock; throws reconcile_in_progress at once if someone else holds it. */
export async function withReconcileLock<T>(work: () => Promise<T>): Promise<T> {
  if (runningHere) busy();
  runningHere = true;
  try {
    if (!env.DATABASE_URL) return await work();
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock($1, $2) AS locked",
        [RECONCILE_LOCK.namespace, RECONCILE_LOCK.key],
      );
      if (!rows[0].locked) busy();
      return await work();
    } finally {
      // Ending the session releases its advisory locks.
      await client.end();
    }
  } finally {
    runningHere = false;
  }
}

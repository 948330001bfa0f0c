// npm run reconcile – settles donations left pending longer than RECONCILE_PENDING_AGE_MINUTES by asking the
// gateway about each. Safe to run at any time: while another run (this script or /api/reconcile) holds the
// reconcile lock, it stops at once and says so.
import { disconnectDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { reconcilePending } from "@/lib/donations/reconcile-pending";

try {
  const summary = await reconcilePending();
  console.log(`reconcile: pending donations older than ${env.RECONCILE_PENDING_AGE_MINUTES} min`, summary);
  if (summary.errors > 0) process.exitCode = 1;
} catch (error) {
  console.error(`reconcile failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}

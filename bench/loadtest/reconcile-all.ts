// Settles every pending donation at once, whatever its age: run by the load test (in a process of its own, with
// the target's DATABASE_URL) after the load, where the scheduled `npm run reconcile` would wait for them to age.
import { disconnectDb } from "@/lib/db/client";
import { reconcilePending } from "@/lib/donations/reconcile-pending";

try {
  for (let round = 0; round < 20; round++) {
    const summary = await reconcilePending({ olderThanMinutes: 0, limit: 100_000 });
    console.log(JSON.stringify(summary));
    if (!summary.deferred) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
} finally {
  await disconnectDb();
}

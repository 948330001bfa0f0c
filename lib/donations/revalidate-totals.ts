import { revalidateTag } from "next/cache";
import { TOTALS_TAG } from "@/lib/campaign/totals";

const MIN_INTERVAL_MS = 2_000;
let lastRevalidation = 0;

/**
 * Marks the cached totals stale after a confirmed payment, at most once per interval per process: a flood of
 * donations must not become a flood of page regenerations. A success skipped here still shows within the totals'
 * own revalidation interval (TOTALS_REVALIDATE_SECONDS).
 */
export function revalidateTotalsSoon(now = Date.now()): void {
  if (now - lastRevalidation < MIN_INTERVAL_MS) return;
  lastRevalidation = now;
  try {
    revalidateTag(TOTALS_TAG, "max");
  } catch {
    // Outside a Next.js request (the reconcile script, tests) there is no cache to invalidate.
  }
}

import { env } from "@/lib/env";
import { createLimiter, type LimitResult } from "@/lib/rate-limit";

// Gateways cap their API (Stripe: 100 operations/s live, 25/s per endpoint). One bucket for the whole site, shared
// through Redis across instances, keeps checkout creation under GATEWAY_MAX_CHECKOUTS_PER_SECOND; a launch-night
// burst waits a moment on a friendly page instead of collecting the gateway's 429s.
export function createCheckoutBucket(name: string, perSecond: number) {
  const bucket = createLimiter(name, {
    kind: "token-bucket",
    refillPerSecond: perSecond,
    capacity: perSecond,
  });
  return { take: (): Promise<LimitResult> => bucket.limit("all") };
}

const checkouts = createCheckoutBucket("gateway:checkouts", env.GATEWAY_MAX_CHECKOUTS_PER_SECOND);

export function takeCheckoutToken(): Promise<LimitResult> {
  return checkouts.take();
}

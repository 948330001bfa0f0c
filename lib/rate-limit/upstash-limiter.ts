import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { retryAfterFrom, type Limiter, type LimitPolicy } from "./policy";

// Shared across every instance through Redis, so a limit holds however many servers answer.
export function createUpstashLimiter(redis: Redis, name: string, policy: LimitPolicy): Limiter {
  const algorithm =
    policy.kind === "sliding-window"
      ? Ratelimit.slidingWindow(policy.limit, `${policy.windowSeconds} s`)
      : Ratelimit.tokenBucket(policy.refillPerSecond, "1 s", policy.capacity);
  const ratelimit = new Ratelimit({
    redis,
    limiter: algorithm,
    prefix: `surge:ratelimit:${name}`,
    analytics: false,
    // Off: Upstash's own timeout answers "allowed" (fail open). Our Redis breaker has the deadline instead, and a
    // late answer falls back to this instance's own count (createFallbackLimiter).
    timeout: 0,
  });
  return {
    async limit(identifier) {
      const { success, reset } = await ratelimit.limit(identifier);
      return success ? { success } : { success, retryAfterSeconds: retryAfterFrom(reset, Date.now()) };
    },
  };
}

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
    // Upstash's default is to allow a request after 5 s without an answer; a donor should not wait that long.
    timeout: 1000,
  });
  return {
    async limit(identifier) {
      const { success, reset } = await ratelimit.limit(identifier);
      return success ? { success } : { success, retryAfterSeconds: retryAfterFrom(reset, Date.now()) };
    },
  };
}

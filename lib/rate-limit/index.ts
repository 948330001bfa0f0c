import { campaign } from "@/lib/campaign/config";
import { logger } from "@/lib/observability/logger";
import { getUpstashRedis } from "@/lib/redis";
import { createMemoryLimiter } from "./memory-limiter";
import type { Limiter, LimitPolicy } from "./policy";
import { createUpstashLimiter } from "./upstash-limiter";

export type { Limiter, LimitPolicy, LimitResult } from "./policy";

/**
 * A limiter named by the action it guards. With Redis it is shared by every instance; without, it is per process.
 * If Redis fails, the request is let through and the failure logged: an outage of the limiter must not stop
 * donations, and the circuit breakers still protect the database and the gateway.
 */
export function createLimiter(name: string, policy: LimitPolicy): Limiter {
  const redis = getUpstashRedis();
  // Keys carry the campaign: each deployment is one campaign, and several may share a Redis.
  const limiter = redis
    ? createUpstashLimiter(redis, `${campaign.slug}:${name}`, policy)
    : createMemoryLimiter(policy);
  return {
    async limit(identifier) {
      try {
        return await limiter.limit(identifier);
      } catch (error) {
        logger.warn("rate_limit.unavailable", { limiter: name, error });
        return { success: true };
      }
    },
  };
}

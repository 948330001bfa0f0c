import { campaign } from "@/lib/campaign/config";
import { getUpstashRedis } from "@/lib/redis";
import { redisBreaker } from "@/lib/resilience/breakers";
import { createFallbackLimiter } from "./fallback-limiter";
import { createMemoryLimiter } from "./memory-limiter";
import type { Limiter, LimitPolicy } from "./policy";
import { createUpstashLimiter } from "./upstash-limiter";

export type { Limiter, LimitPolicy, LimitResult } from "./policy";

/**
 * A limiter named by the action it guards. With Redis it is shared by every instance; without, it is per process.
 * If Redis is slow or fails, the limit falls back to this process's own count (see createFallbackLimiter): it
 * still holds, per instance, and a Redis outage neither stops donations nor lets them through unlimited.
 */
export function createLimiter(name: string, policy: LimitPolicy): Limiter {
  const redis = getUpstashRedis();
  const local = createMemoryLimiter(policy);
  if (!redis) return local;
  // Keys carry the campaign: each deployment is one campaign, and several may share a Redis.
  const shared = createUpstashLimiter(redis, `${campaign.slug}:${name}`, policy);
  return createFallbackLimiter({ name, shared, local, breaker: redisBreaker });
}

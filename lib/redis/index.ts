import "server-only";
import type { Redis } from "@upstash/redis";
import { env } from "@/lib/env";
import { redisBreaker } from "@/lib/resilience/breakers";
import { createGuardedStore } from "./guarded-store";
import { createMemoryStore } from "./memory-store";
import type { KeyValueStore } from "./store";
import { createUpstashClient } from "./upstash-client";
import { createUpstashStore } from "./upstash-store";

export type { KeyValueStore } from "./store";

// One store per process, chosen by configuration: Redis through Upstash's REST protocol when it is configured,
// otherwise memory. Kept on globalThis so dev-server reloads do not forget rate-limit windows or the pause switch.
const globalForRedis = globalThis as unknown as { surgeUpstash?: Redis | null; surgeStore?: KeyValueStore };

/** The Upstash client for @upstash/ratelimit, or null when running without Redis. */
export function getUpstashRedis(): Redis | null {
  if (globalForRedis.surgeUpstash === undefined) {
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
    globalForRedis.surgeUpstash = url && token ? createUpstashClient({ url, token }) : null;
  }
  return globalForRedis.surgeUpstash;
}

export function getStore(): KeyValueStore {
  if (!globalForRedis.surgeStore) {
    const redis = getUpstashRedis();
    globalForRedis.surgeStore = redis
      ? createGuardedStore(createUpstashStore(redis), redisBreaker)
      : createMemoryStore();
  }
  return globalForRedis.surgeStore;
}

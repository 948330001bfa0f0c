import type { Redis } from "@upstash/redis";
import type { KeyValueStore } from "./store";

export function createUpstashStore(redis: Redis): KeyValueStore {
  return {
    kind: "redis",
    async get(key) {
      const value = await redis.get<string>(key);
      return value === null || value === undefined ? null : String(value);
    },
    async set(key, value, options) {
      if (options?.ttlSeconds) await redis.set(key, value, { ex: options.ttlSeconds });
      else await redis.set(key, value);
    },
    async del(key) {
      await redis.del(key);
    },
    async ping() {
      const reply = await redis.ping();
      if (reply !== "PONG") throw new Error(`Redis answered ${JSON.stringify(reply)} to PING`);
    },
  };
}

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPauseSwitch } from "@/lib/donations-pause/pause-switch";
import { createGuardedStore } from "@/lib/redis/guarded-store";
import { createUpstashClient } from "@/lib/redis/upstash-client";
import { createUpstashStore } from "@/lib/redis/upstash-store";
import { startRedisRestServer, type RedisRestServer } from "@/lib/testing/redis-rest/server";
import { createCircuitBreaker } from "@/lib/resilience/circuit-breaker";
import { startOwnRedis } from "@/lib/testing/own-redis";
import { createFallbackLimiter } from "./fallback-limiter";
import { createMemoryLimiter } from "./memory-limiter";
import type { LimitPolicy } from "./policy";
import { createUpstashLimiter } from "./upstash-limiter";

// A real Redis of this file's own, behind the REST server the app talks to, slowed down and stopped for real.
let redis: Awaited<ReturnType<typeof startOwnRedis>>;
let rest: RedisRestServer;
beforeAll(async () => {
  redis = await startOwnRedis();
  rest = await startRedisRestServer({ redisUrl: redis.url, token: "brownout-test" });
});
afterAll(async () => {
  await redis.stop();
  await rest.close();
});

const THRESHOLD = 3;
const policy: LimitPolicy = { kind: "sliding-window", limit: 3, windowSeconds: 60 };

function limiterAndBreaker() {
  const client = createUpstashClient({ url: rest.url, token: "brownout-test" });
  const breaker = createCircuitBreaker({
    name: "redis",
    failureThreshold: THRESHOLD,
    openMs: 60_000,
    timeoutMs: 200,
  });
  const name = `brownout-${randomUUID()}`;
  const limiter = createFallbackLimiter({
    name,
    shared: createUpstashLimiter(client, name, policy),
    local: createMemoryLimiter(policy),
    breaker,
  });
  return { client, breaker, limiter, name };
}

const successes = async (limit: () => Promise<{ success: boolean }>, times: number) => {
  const results = [];
  for (let i = 0; i < times; i++) results.push((await limit()).success);
  return results;
};

describe("createFallbackLimiter", () => {
  it("limits through Redis while it answers", async () => {
    const { limiter, name } = limiterAndBreaker();

    expect(await successes(() => limiter.limit("donor"), 4)).toEqual([true, true, true, false]);
    expect(await redis.keys(`*${name}*`)).not.toHaveLength(0);
  });

  it("keeps the limit per instance while Redis is paused, and stops asking it once the breaker opens", async () => {
    const { limiter, breaker, name } = limiterAndBreaker();
    await redis.pause(30_000);
    try {
      // The first calls wait out the deadline and open the breaker; the limit holds all along.
      expect(await successes(() => limiter.limit("first"), THRESHOLD)).toEqual([true, true, true]);
      expect(breaker.state()).toBe("open");
      expect(await successes(() => limiter.limit("second"), 4)).toEqual([true, true, true, false]);
      expect((await limiter.limit("first")).success).toBe(false);
    } finally {
      await redis.unpause();
    }
    // Commands that reached Redis run once it is unpaused; those made while the breaker was open never went.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await redis.keys(`*${name}:first*`)).not.toHaveLength(0);
    expect(await redis.keys(`*${name}:second*`)).toHaveLength(0);
  });
});

describe("the pause switch over a guarded store", () => {
  it("stays paused while Redis cannot be read, once it has seen the pause", async () => {
    const store = createGuardedStore(
      createUpstashStore(createUpstashClient({ url: rest.url, token: "brownout-test" })),
      createCircuitBreaker({ name: "redis", failureThreshold: 1, openMs: 60_000, timeoutMs: 200 }),
    );
    const pauseSwitch = createPauseSwitch({
      store,
      key: `surge-test:paused:${randomUUID()}`,
      pausedByEnvironment: false,
    });
    await pauseSwitch.pause("incident");
    expect(await pauseSwitch.state()).toEqual({ paused: true, source: "switch" });

    // Every command waits, reads too; the first read times out and opens the breaker, the next never asks.
    await redis.pause(2_000, "all");
    expect(await pauseSwitch.state()).toEqual({ paused: true, source: "switch" });
    expect(await pauseSwitch.state()).toEqual({ paused: true, source: "switch" });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
  });
});

// Last: it stops this file's Redis.
describe("createFallbackLimiter with Redis stopped", () => {
  it("still limits, per instance", async () => {
    const { limiter, breaker } = limiterAndBreaker();
    await redis.stop();

    expect(await successes(() => limiter.limit("donor"), 4)).toEqual([true, true, true, false]);
    expect(breaker.state()).toBe("open");
  });
});

import { randomUUID } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisRestServer, type RedisRestServer } from "./server";

// Runs against the machine's real Redis; keys carry a random prefix so parallel runs never meet.
const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
const TOKEN = "test-token";
const prefix = `surge-test:${randomUUID()}:`;
let server: RedisRestServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedisRestServer({ redisUrl: REDIS_URL, token: TOKEN });
  redis = new Redis({ url: server.url, token: TOKEN, enableTelemetry: false });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await server.close();
});

const post = (path: string, body: string, token = TOKEN) =>
  fetch(`${server.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body });

describe("startRedisRestServer", () => {
  it("answers the commands @upstash/redis sends, strings and numbers intact", async () => {
    const key = `${prefix}plain`;
    expect(await redis.ping()).toBe("PONG");
    expect(await redis.set(key, "héllo ✓", { ex: 60 })).toBe("OK");
    expect(await redis.get(key)).toBe("héllo ✓");
    expect(await redis.ttl(key)).toBeGreaterThan(50);
    expect(await redis.incr(`${prefix}counter`)).toBe(1);
    expect(await redis.del(key, `${prefix}counter`)).toBe(2);
    expect(await redis.get(key)).toBeNull();
  });

  it("runs Lua scripts by body and by hash, as @upstash/ratelimit does", async () => {
    const script = "return {KEYS[1], tonumber(ARGV[1]) + 1}";
    expect(await redis.eval(script, [`${prefix}k`], ["41"])).toEqual([`${prefix}k`, 42]);
    const sha = await redis.scriptLoad(script);
    expect(await redis.evalsha(sha, [`${prefix}k`], ["1"])).toEqual([`${prefix}k`, 2]);
    await expect(redis.evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
  });

  it("answers a pipeline with one result or error per command", async () => {
    const key = `${prefix}pipe`;
    const results = await post(
      "/pipeline",
      JSON.stringify([
        ["SET", key, "a"],
        ["INCR", key],
        ["GET", key],
      ]),
    );
    expect(results.status).toBe(200);
    expect(await results.json()).toEqual([
      { result: "OK" },
      { error: "ERR value is not an integer or out of range" },
      { result: "a" },
    ]);
  });

  it("applies a multi-exec transaction through @upstash/redis", async () => {
    const key = `${prefix}tx`;
    const tx = redis.multi();
    tx.set(key, "1");
    tx.incrby(key, 4);
    tx.get(key);
    // @upstash/redis parses replies as JSON by default, so the stored "5" comes back as a number.
    expect(await tx.exec()).toEqual(["OK", 5, 5]);
  });

  it("refuses a request without the bearer token", async () => {
    const response = await post("/", JSON.stringify(["PING"]), "wrong-token");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Unauthorized" });
  });

  it.each([
    ["body that is not JSON", "/", "not json", /failed to parse/],
    ["empty command", "/", "[]", /failed to parse/],
    ["command that is not an array", "/", '{"cmd":"GET"}', /failed to parse/],
    ["argument of the wrong type", "/", '["GET", {"a":1}]', /strings or numbers/],
    ["command that would take over the shared connection", "/", '["SUBSCRIBE", "x"]', /not available/],
    ["command Redis does not know", "/", '["NOPE"]', /unknown command/],
    ["pipeline that is not a list of commands", "/pipeline", '["GET", "x"]', /failed to parse/],
  ])("answers 400 with an error for a %s", async (_case, path, body, message) => {
    const response = await post(path, body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(message);
  });

  it("answers a Redis error reply with 400, which @upstash/redis raises", async () => {
    await redis.set(`${prefix}text`, "abc");
    await expect(redis.incr(`${prefix}text`)).rejects.toThrow(/not an integer/);
  });
});

describe("@upstash/ratelimit through the REST server", () => {
  it("allows the limit within a sliding window, then refuses with a reset time", async () => {
    const limiter = new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(3, "60 s"),
      prefix: `${prefix}rl`,
    });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("client-a"));
    expect(results.map((result) => result.success)).toEqual([true, true, true, false]);
    expect(results[3].reset).toBeGreaterThan(Date.now());
    expect((await limiter.limit("client-b")).success).toBe(true);
  });

  it("refills a token bucket over time", async () => {
    const limiter = new Ratelimit({
      redis,
      limiter: Ratelimit.tokenBucket(2, "1 s", 2),
      prefix: `${prefix}tb`,
    });
    const burst = [];
    for (let i = 0; i < 3; i++) burst.push((await limiter.limit("gateway")).success);
    expect(burst).toEqual([true, true, false]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiter.limit("gateway")).success).toBe(true);
  });
});

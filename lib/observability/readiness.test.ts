import { spawn, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { createConnection } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startRedisRestServer, type RedisRestServer } from "@/lib/testing/redis-rest/server";
import { createUpstashClient } from "@/lib/redis/upstash-client";
import { createUpstashStore } from "@/lib/redis/upstash-store";
import { startCuttableProxy } from "@/lib/testing/cuttable-tcp-proxy";
import { GET as getReady } from "@/app/api/ready/route";
import { GET as getHealth } from "@/app/api/health/route";
import { checkReadiness } from "./readiness";

// A Redis of this test's own, on its own port, so stopping it cannot disturb the machine's shared Redis.
const redisPort = randomInt(20_000, 40_000);
let redisProcess: ChildProcess;
let rest: RedisRestServer;

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection(port, "127.0.0.1");
    socket.once("connect", () => resolve(socket.end() && true));
    socket.once("error", () => resolve(false));
  });

beforeAll(async () => {
  redisProcess = spawn(
    "redis-server",
    ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  for (let attempt = 0; attempt < 50 && !(await portAnswers(redisPort)); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  rest = await startRedisRestServer({ redisUrl: `redis://127.0.0.1:${redisPort}`, token: "ready-test" });
});

afterAll(async () => {
  redisProcess.kill();
  await rest.close();
});

describe("checkReadiness", () => {
  const cacheCheck = () =>
    createUpstashStore(createUpstashClient({ url: rest.url, token: "ready-test" })).ping();
  const databaseCheck = () => getDb().$queryRaw`SELECT 1`;

  it("is ready when PostgreSQL and Redis both answer", async () => {
    expect(await checkReadiness({ database: databaseCheck, cache: cacheCheck })).toEqual({
      ready: true,
      checks: { database: "ok", cache: "ok" },
    });
  });

  it("is not ready, naming the cache, when Redis is stopped", async () => {
    const stopped = new Promise((resolve) => redisProcess.once("exit", resolve));
    redisProcess.kill();
    await stopped;
    expect(await checkReadiness({ database: databaseCheck, cache: cacheCheck })).toEqual({
      ready: false,
      checks: { database: "ok", cache: "failed" },
    });
  });

  it("is not ready, naming the database, when PostgreSQL is unreachable", async () => {
    const proxy = await startCuttableProxy({ host: "127.0.0.1", port: 5432 });
    proxy.cut();
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const url = new URL(process.env.DATABASE_URL as string);
    url.host = `127.0.0.1:${proxy.port}`;
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    const result = await checkReadiness({
      database: () => unreachable.$queryRaw`SELECT 1`,
      cache: async () => {},
    });
    expect(result).toEqual({ ready: false, checks: { database: "failed", cache: "ok" } });
    await proxy.close();
  });
});

describe("GET /api/ready", () => {
  it("answers 200 with each check when the configured database and cache answer, uncached and without cookies", async () => {
    const response = await getReady();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", checks: { database: "ok", cache: "ok" } });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

describe("GET /api/health", () => {
  it("answers 200 without touching a dependency", async () => {
    const response = getHealth();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

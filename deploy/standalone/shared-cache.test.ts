import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/bench/postgres";
import { surgeEnv } from "@/bench/servers";
import { startRedisRestServer, type RedisRestServer } from "@/lib/testing/redis-rest/server";
import { copyStandalone, startStandalone, type Instance } from "./standalone";

// Several instances, one cache: two copies of the standalone output (instances A and B) share one PostgreSQL and,
// through CACHE_REDIS_URL, one Redis cache; a third copy (C) has only its own cache. The totals interval is an
// hour, so a page can only learn of a payment through a revalidation: B must show a payment confirmed on A within
// seconds, while C, alike in everything but the shared cache, still shows the old figure.
const PORT_BASE = Number(process.env.SHARED_CACHE_TEST_PORT_BASE || 3700);
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
// A Redis database of its own, emptied first, so no earlier run's pages are found in it.
const CACHE_DB = Number(process.env.SHARED_CACHE_TEST_REDIS_DB || 7);
const cacheRedisUrl = `${REDIS_URL.replace(/\/\d*$/, "")}/${CACHE_DB}`;
const REST_TOKEN = "shared-cache-test-token";
const INTERVAL_SECONDS = 3600;

const dir = mkdtempSync(path.join(tmpdir(), "surge-shared-cache-"));
let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
let rest: RedisRestServer | undefined;
const instances: Record<"a" | "b" | "c", Instance | undefined> = { a: undefined, b: undefined, c: undefined };

async function emptyCacheDatabase() {
  const client = createClient({ url: cacheRedisUrl });
  await client.connect();
  await client.flushDb();
  await client.quit();
}

beforeAll(async () => {
  await emptyCacheDatabase();
  const adminUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";
  database = await freshDatabase(adminUrl, `surge_shared_cache_${PORT_BASE}`);
  rest = await startRedisRestServer({
    redisUrl: REDIS_URL,
    token: REST_TOKEN,
    host: "127.0.0.1",
    port: PORT_BASE,
  });
  const names = ["a", "b", "c"] as const;
  await Promise.all(
    names.map(async (name, index) => {
      const port = PORT_BASE + 1 + index;
      const env = {
        ...surgeEnv(database!.url, port, {}),
        CAMPAIGN_SLUG: `shared-cache-${PORT_BASE}`,
        TOTALS_REVALIDATE_SECONDS: String(INTERVAL_SECONDS),
        UPSTASH_REDIS_REST_URL: rest!.url,
        UPSTASH_REDIS_REST_TOKEN: REST_TOKEN,
        ...(name === "c"
          ? { CACHE_REDIS_URL: "" }
          : { CACHE_REDIS_URL: cacheRedisUrl, DEPLOYMENT_MODE: "multi" }),
      };
      const copy = copyStandalone(path.join(dir, name));
      instances[name] = await startStandalone(copy, port, env, path.join(dir, `${name}.log`));
    }),
  );
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(instances).map((instance) => instance?.stop()));
  await rest?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const raisedOnPage = async (instance: Instance) => {
  const html = await (await fetch(`${instance.url}/en`)).text();
  return /data-testid="raised-amount"[^>]*>([^<]+)</.exec(html)?.[1];
};
const raisedInApi = async (instance: Instance) =>
  ((await (await fetch(`${instance.url}/api/totals`)).json()) as { raised: number }).raised;

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, seconds: number) {
  let value = await read();
  for (const deadline = Date.now() + seconds * 1000; !accept(value) && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

/** A donation started on `instance` and paid on the sandbox, whose callback reaches that same instance. */
async function donateThrough(instance: Instance, amount: number) {
  const started = await fetch(`${instance.url}/api/donations`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: instance.url },
    body: JSON.stringify({ amount, currency: "EUR", locale: "en", name: "Shared Cache" }),
  });
  expect(started.status).toBe(201);
  const { redirectUrl } = (await started.json()) as { redirectUrl: string };
  const sessionId = new URL(redirectUrl, instance.url).pathname.split("/").pop();
  const paid = await fetch(`${instance.url}/api/sandbox/checkout/${sessionId}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: instance.url },
    body: "choice=pay",
    redirect: "manual",
  });
  expect(paid.status).toBe(303);
}

describe("instances sharing one Redis cache", () => {
  it("see a payment confirmed on another instance within seconds, where an instance on its own does not", async () => {
    const b = instances.b!;
    const c = instances.c!;
    // Each instance renders the home page once at start-up's interval (the build's), then keeps the hour: wait until
    // both answer with it, so nothing but a revalidation can change what they show.
    for (const instance of [b, c]) {
      const cacheControl = await eventually(
        async () => (await fetch(`${instance.url}/en`)).headers.get("cache-control") ?? "",
        (value) => value.includes(`s-maxage=${INTERVAL_SECONDS}`),
        20,
      );
      expect(cacheControl).toContain(`s-maxage=${INTERVAL_SECONDS}`);
    }
    // A campaign of its own on a fresh database: nothing raised yet.
    const before = await raisedOnPage(b);
    expect(before).toMatch(/€0\b/);
    expect(await raisedOnPage(c)).toBe(before);

    await donateThrough(instances.a!, 4200);

    // The live counter's route regenerates every 2 s anyway; it must be right within seconds on B all the same.
    expect(
      await eventually(
        () => raisedInApi(b),
        (raised) => raised === 4200,
        10,
      ),
    ).toBe(4200);
    const after = await eventually(
      () => raisedOnPage(b),
      (raised) => raised !== before,
      10,
    );
    expect(after).not.toBe(before);
    expect(after).toContain("42");
    // The instance with its own cache has heard nothing, and keeps its copy for the rest of the hour.
    expect(await raisedOnPage(c)).toBe(before);
  });
});

// The Next.js cache behind ISR pages, cached route handlers and unstable_cache data. Next.js loads this file itself
// (next.config.ts `cacheHandler`), at start-up and outside the app's bundles, so it reads its one variable here;
// lib/env.ts validates CACHE_REDIS_URL (and CAMPAIGN_SLUG, part of the keys) with the rest at start-up all the same.
//
// - CACHE_REDIS_URL unset: Next.js's own file-system cache, exactly as without a handler. Each instance keeps its
//   own copy, which is right for one instance.
// - CACHE_REDIS_URL set: entries and tags live in that Redis (@fortedigital/nextjs-cache-handler's redis-strings),
//   so every instance serves the same copy, and a payment confirmed on one instance (revalidateTag) drops the
//   totals' pages and data for all of them at once instead of each waiting out its own interval.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createClient } from "@redis/client";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;
const url = process.env.CACHE_REDIS_URL || undefined;
// A Redis that stops answering must cost a page view a short wait, then a render, never a hung request.
const REDIS_TIMEOUT_MS = 1000;

function log(level, msg, fields = {}) {
  console[level === "error" ? "error" : "log"](
    JSON.stringify({ time: new Date().toISOString(), level, event: msg, ...fields }),
  );
}

async function connect() {
  const client = createClient({
    url,
    pingInterval: 10_000,
    socket: { connectTimeout: 5_000, reconnectStrategy: (retries) => Math.min(retries * 200, 5_000) },
  });
  // node-redis emits every connection loss as an error event; without a listener it would crash the process.
  client.on("error", (error) => log("error", "cache.redis_error", { error: String(error) }));
  await client.connect();
  return client;
}

CacheHandler.onCreation(async ({ buildId }) => {
  // One connection per process, shared by every IncrementalCache Next.js creates (one per request).
  globalThis.__surgeCacheConfig ??= (async () => {
    // Entries belong to one build of one campaign: a new deployment must never serve the last one's HTML, whose
    // scripts and stylesheets no longer exist, and two campaigns may share a Redis.
    const keyPrefix = `surge:next:${process.env.CAMPAIGN_SLUG || "launch"}:${buildId ?? "unknown-build"}:`;
    try {
      const client = await connect();
      log("info", "cache.shared", { redis: new URL(url).host, keyPrefix });
      return { handlers: [createRedisHandler({ client, keyPrefix, timeoutMs: REDIS_TIMEOUT_MS })] };
    } catch (error) {
      // Pages must still be served: this instance falls back to its own memory, and says so loudly.
      log("error", "cache.redis_unavailable", { error: String(error), fallback: "in-process" });
      return { handlers: [createLruHandler()] };
    }
  })();
  return globalThis.__surgeCacheConfig;
});

export default url ? CacheHandler : FileSystemCache;

import { mkdirSync } from "node:fs";
import path from "node:path";
import { freshDatabase } from "@/bench/postgres";
import { startSurge, type Server } from "@/bench/servers";
import { startRedisRestServer } from "@/lib/testing/redis-rest/server";
import { startEdge, type Edge } from "./edge";

// A launch-night deployment on one machine: nginx (deploy/nginx/edge.ts) in front of two `next start` instances
// of the current production build, sharing one PostgreSQL database and one Redis (the machine's: behind our local
// Upstash REST server for limits and the pause switch, as a deployment reaches it, and directly for the page cache). `npm run edge` runs it; deploy/nginx/edge.test.ts tests it.

export interface LocalStack {
  edge: Edge;
  instances: Server[];
  databaseUrl: string;
  stop: () => Promise<void>;
}

const REST_TOKEN = "edge-redis-rest-token";

/** Ports: the edge on `portBase`, the instances on the next two, the Redis REST server on the one after. */
export async function startLocalStack({
  portBase,
  dir,
}: {
  portBase: number;
  dir: string;
}): Promise<LocalStack> {
  mkdirSync(dir, { recursive: true });
  const adminUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";
  const database = await freshDatabase(adminUrl, `surge_edge_${portBase}`);
  const redis = await startRedisRestServer({
    redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    token: REST_TOKEN,
    host: "127.0.0.1",
    port: portBase + 3,
  });
  const edgeUrl = `http://127.0.0.1:${portBase}`;
  const instanceEnv = {
    UPSTASH_REDIS_REST_URL: redis.url,
    UPSTASH_REDIS_REST_TOKEN: REST_TOKEN,
    // Its own campaign, so its pause switch and limit keys in a shared Redis are its own.
    CAMPAIGN_SLUG: `edge-${portBase}`,
    // Several instances, said out loud: production then insists that they share the database, Redis and the cache.
    DEPLOYMENT_MODE: "multi",
    CACHE_REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    // Donors come through the edge, and only the edge may say who they are.
    APP_URL: edgeUrl,
    TRUST_PROXY: "127.0.0.1",
  };
  const instances: Server[] = [];
  const stopAll = async (edge?: Edge) => {
    await edge?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await redis.close();
  };
  try {
    for (const [index, port] of [portBase + 1, portBase + 2].entries()) {
      instances.push(
        await startSurge(database.url, port, { logDir: dir }, `instance-${index + 1}`, instanceEnv),
      );
    }
    const edge = await startEdge({
      port: portBase,
      upstreams: instances.map((instance) => new URL(instance.url).host),
      dir: path.join(dir, "nginx"),
    });
    return { edge, instances, databaseUrl: database.url, stop: () => stopAll(edge) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

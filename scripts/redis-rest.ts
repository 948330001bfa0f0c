// npm run redis:rest – Upstash's REST protocol in front of the Redis at REDIS_URL, for development and tests.
// Listens where UPSTASH_REDIS_REST_URL points (default http://127.0.0.1:8079) and accepts its token.
import { env } from "../lib/env";
import { startRedisRestServer } from "../lib/testing/redis-rest/server";

const DEFAULT_URL = "http://127.0.0.1:8079";
const DEFAULT_TOKEN = "local-redis-rest-token";

const listenOn = new URL(env.UPSTASH_REDIS_REST_URL ?? DEFAULT_URL);
const token = env.UPSTASH_REDIS_REST_TOKEN ?? DEFAULT_TOKEN;

try {
  const server = await startRedisRestServer({
    redisUrl: env.REDIS_URL,
    token,
    host: listenOn.hostname,
    port: Number(listenOn.port || 80),
  });
  console.log(`Redis REST server on ${server.url}, in front of ${env.REDIS_URL}`);
  if (!env.UPSTASH_REDIS_REST_URL) {
    console.log(`Use it with: UPSTASH_REDIS_REST_URL=${server.url} UPSTASH_REDIS_REST_TOKEN=${token}`);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void server.close().then(() => process.exit(0)));
  }
} catch (error) {
  console.error(`Could not start the Redis REST server: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

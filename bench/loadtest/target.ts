import path from "node:path";
import { startRedisRestServer } from "@/lib/testing/redis-rest/server";
import { freshDatabase } from "../postgres";
import { run } from "../processes";
import { buildSurge, REPO, startSurge, surgeEnv, WEBHOOK_SECRET } from "../servers";
import type { LoadtestOptions } from "./options";

// What the load runs against: a running deployment (--url), or Surge's production build started here on a fresh
// PostgreSQL database and the machine's Redis behind our local Upstash REST server, as a deployment reaches it.

export interface Target {
  url: string;
  databaseUrl: string;
  webhookSecret?: string;
  /** The settings a process needs to act as this deployment (the reconciliation run). */
  env: NodeJS.ProcessEnv;
  stop: () => Promise<void>;
}

const REST_TOKEN = "loadtest-redis-rest-token";

export async function startTarget(options: LoadtestOptions, log: (line: string) => void): Promise<Target> {
  if (options.url)
    return {
      url: options.url,
      databaseUrl: options.databaseUrl!,
      webhookSecret: options.webhookSecret,
      env: { ...process.env, DATABASE_URL: options.databaseUrl },
      stop: async () => {},
    };
  const port = options.portBase + 1;
  const server = { logDir: options.outDir, ports: { surge: port } };
  // Kept after the run, so the recorded run can be verified again (--verify); the next run starts it afresh.
  const database = await freshDatabase(options.adminDatabaseUrl, `surge_loadtest_${options.portBase}`);
  const redis = await startRedisRestServer({
    redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    token: REST_TOKEN,
    host: "127.0.0.1",
    port: options.portBase + 2,
  });
  const extraEnv = {
    UPSTASH_REDIS_REST_URL: redis.url,
    UPSTASH_REDIS_REST_TOKEN: REST_TOKEN,
    // Its own campaign, so its pause switch and rate-limit keys in the shared Redis are its own.
    CAMPAIGN_SLUG: `loadtest-${options.portBase}`,
  };
  try {
    if (!options.skipBuild) {
      log("building Surge (next build)");
      await buildSurge(database.url, server);
    }
    const surge = await startSurge(database.url, port, server, "loadtest-surge", extraEnv);
    log(
      `Surge started at ${surge.url} (PostgreSQL ${new URL(database.url).pathname.slice(1)}, Redis via ${redis.url})`,
    );
    return {
      url: surge.url,
      databaseUrl: database.url,
      webhookSecret: WEBHOOK_SECRET,
      env: { ...surgeEnv(database.url, port, {}), ...extraEnv },
      stop: async () => {
        await surge.stop();
        await redis.close();
      },
    };
  } catch (error) {
    await redis.close();
    throw error;
  }
}

/** Settles every pending donation from the gateway's answer, in a process acting as the target deployment. */
export async function reconcileAll(env: NodeJS.ProcessEnv, logDir: string): Promise<void> {
  await run(
    "node",
    ["--import", "tsx", "--import", "./lib/server-process.ts", "bench/loadtest/reconcile-all.ts"],
    {
      cwd: REPO,
      env,
      logFile: path.join(logDir, "reconcile.log"),
    },
  );
}

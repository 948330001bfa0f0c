import { getDb } from "@/lib/db/client";
import { getStore } from "@/lib/redis";
import type { ReadinessCheck } from "./readiness";

// Real round trips: a query on the database and a PING on the cache (Redis, or the in-process store without it).
export const readinessChecks: Record<string, ReadinessCheck> = {
  database: () => getDb().$queryRaw`SELECT 1`,
  cache: () => getStore().ping(),
};

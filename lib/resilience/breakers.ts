import { env } from "@/lib/env";
import { createCircuitBreaker } from "./circuit-breaker";
import { isDatabaseUnavailable, OwnDatabaseUnavailableError } from "./database-outage";

// One breaker per dependency and process: each server instance judges the health it sees itself. The database's
// counts only errors that say the database is not answering (isDatabaseUnavailable): a conflict, a missing row or
// an error we raised ourselves mean it answered, and a bug in our code is not an outage.
const globalForBreakers = globalThis as unknown as {
  surgeBreakers?: {
    database: ReturnType<typeof createCircuitBreaker>;
    gateway: ReturnType<typeof createCircuitBreaker>;
    redis: ReturnType<typeof createCircuitBreaker>;
  };
};

globalForBreakers.surgeBreakers ??= {
  // It wraps a whole donation start, gateway call included, so its deadline outlasts the gateway's. It opens
  // when most of its recent calls fail and lets one trial through every 2 s, so it closes soon after a restart.
  database: createCircuitBreaker({
    name: "database",
    failureThreshold: 5,
    openMs: 2_000,
    timeoutMs: 15_000,
    isFailure: isDatabaseUnavailable,
  }),
  gateway: createCircuitBreaker({
    name: "payment gateway",
    failureThreshold: 5,
    openMs: 15_000,
    timeoutMs: 10_000,
    // The sandbox's failures while our own database is down are the database's breaker's to count.
    isFailure: (error) => !(error instanceof OwnDatabaseUnavailableError),
  }),
  // Redis answers in milliseconds or is in trouble: a short deadline, and every user of Redis (limits, the gateway
  // cap, the pause switch) shares this one, so a brown-out is noticed once and then costs nothing until a trial.
  redis: createCircuitBreaker({
    name: "redis",
    failureThreshold: 3,
    openMs: 5_000,
    timeoutMs: env.REDIS_COMMAND_DEADLINE_MS,
  }),
};

export const databaseBreaker = globalForBreakers.surgeBreakers.database;
export const gatewayBreaker = globalForBreakers.surgeBreakers.gateway;
export const redisBreaker = globalForBreakers.surgeBreakers.redis;

import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { createCircuitBreaker } from "./circuit-breaker";

// A conflict, a validation failure or a missing row means the database answered: it is healthy. So does an error
// we raised ourselves. Connection and server errors have no Prisma request-error code in the P2xxx range.
function isDatabaseOutage(error: unknown): boolean {
  if (error instanceof ApiError) return false;
  const code = (error as { code?: unknown } | null)?.code;
  return !(typeof code === "string" && code.startsWith("P2"));
}

// One breaker per dependency and process: each server instance judges the health it sees itself.
const globalForBreakers = globalThis as unknown as {
  surgeBreakers?: {
    database: ReturnType<typeof createCircuitBreaker>;
    gateway: ReturnType<typeof createCircuitBreaker>;
    redis: ReturnType<typeof createCircuitBreaker>;
  };
};

globalForBreakers.surgeBreakers ??= {
  // It wraps a whole donation start, gateway call included, so its deadline outlasts the gateway's.
  database: createCircuitBreaker({
    name: "database",
    failureThreshold: 5,
    openMs: 10_000,
    timeoutMs: 15_000,
    isFailure: isDatabaseOutage,
  }),
  gateway: createCircuitBreaker({
    name: "payment gateway",
    failureThreshold: 5,
    openMs: 15_000,
    timeoutMs: 10_000,
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

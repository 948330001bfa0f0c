import "server-only";
import { Redis } from "@upstash/redis";

export type RedisConnection = { url: string; token: string };

// A Redis that is down must not hold a donor's request for long: each command gets a short deadline and one retry
// (the client's default of five retries with exponential back-off would stall requests for seconds).
const COMMAND_TIMEOUT_MS = 1500;

export function createUpstashClient({ url, token }: RedisConnection): Redis {
  return new Redis({
    url,
    token,
    retry: { retries: 1, backoff: () => 50 },
    signal: () => AbortSignal.timeout(COMMAND_TIMEOUT_MS),
    // Values are our own strings; the JSON round-trip would turn "123" into a number.
    automaticDeserialization: false,
    enableTelemetry: false,
  });
}

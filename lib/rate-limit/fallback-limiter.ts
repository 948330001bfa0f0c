import { logger } from "@/lib/observability/logger";
import { CircuitOpenError, type CircuitBreaker } from "@/lib/resilience/circuit-breaker";
import type { Limiter } from "./policy";

/**
 * The shared (Redis) limiter, with this process's own count behind it. Every request is counted locally too, so
 * when Redis is slow or down the limit still holds per instance from the first failing request on, with the
 * window's history intact; the breaker bounds what a brown-out costs (its deadline, and nothing at all once it
 * has opened) instead of every request waiting on Redis's own timeouts.
 */
export function createFallbackLimiter(options: {
  name: string;
  shared: Limiter;
  local: Limiter;
  breaker: CircuitBreaker;
}): Limiter {
  const { name, shared, local, breaker } = options;
  return {
    async limit(identifier) {
      const here = await local.limit(identifier);
      try {
        return await breaker.run(() => shared.limit(identifier));
      } catch (error) {
        if (!(error instanceof CircuitOpenError))
          logger.warn("rate_limit.shared_unavailable", { limiter: name, error });
        return here;
      }
    },
  };
}

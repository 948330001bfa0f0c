import { ApiError } from "@/lib/api/errors";
import { databaseBreaker } from "./breakers";
import { isDatabaseUnavailable } from "./database-outage";
import { unavailableWhileOpen } from "./unavailable-while-open";

// How soon a client refused during an outage (before the breaker opened) should try again.
const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * Work that needs the database. While the database is failing it fails fast; an outage, a timeout and an open
 * breaker all answer 503 with Retry-After, never a 500: the donor or the gateway is told to come back.
 */
export function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  return unavailableWhileOpen(async () => {
    try {
      return await databaseBreaker.run(work);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      throw new ApiError("service_unavailable", "the database did not answer", {
        retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
        cause: error,
      });
    }
  });
}

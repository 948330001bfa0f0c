import { ApiError } from "@/lib/api/errors";
import { CircuitOpenError } from "./circuit-breaker";
import { databaseBreaker } from "./breakers";

/** Work that needs the database; while the database is failing, it fails fast as a 503 with Retry-After. */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await databaseBreaker.run(work);
  } catch (error) {
    if (error instanceof CircuitOpenError) {
      throw new ApiError("service_unavailable", error.message, {
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
    throw error;
  }
}

import { ApiError } from "@/lib/api/errors";
import { CircuitOpenError } from "./circuit-breaker";

/** Work guarded by a breaker; while it is open the client gets a 503 whose Retry-After is when it half-opens. */
export async function unavailableWhileOpen<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CircuitOpenError) {
      throw new ApiError("service_unavailable", error.message, {
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
    throw error;
  }
}

import { ApiError } from "@/lib/api/errors";
import { CircuitOpenError } from "./circuit-breaker";
import { gatewayBreaker } from "./breakers";
import { takeCheckoutToken } from "@/lib/rate-limit/gateway-bucket";

/**
 * Checked before a donation row is written: with the gateway's breaker open, or the site's share of the gateway's
 * rate used up for this second, the donor is asked to retry instead of a pending row being made for nothing.
 */
export async function admitCheckout(): Promise<void> {
  try {
    gatewayBreaker.rejectIfOpen();
  } catch (error) {
    if (error instanceof CircuitOpenError) {
      throw new ApiError("service_unavailable", error.message, {
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
    throw error;
  }
  const token = await takeCheckoutToken();
  if (!token.success) {
    throw new ApiError("gateway_busy", "checkout rate cap reached", {
      retryAfterSeconds: token.retryAfterSeconds,
    });
  }
}

/** The gateway call itself, counted by the breaker. */
export function callGateway<T>(call: () => Promise<T>): Promise<T> {
  return gatewayBreaker.run(call);
}

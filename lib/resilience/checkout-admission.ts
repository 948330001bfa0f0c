import { ApiError } from "@/lib/api/errors";
import { takeCheckoutToken } from "@/lib/rate-limit/gateway-bucket";
import type { BreakerPermit } from "./circuit-breaker";
import { gatewayBreaker } from "./breakers";
import { unavailableWhileOpen } from "./unavailable-while-open";

/**
 * Taken before a donation row is written: with the gateway's breaker open, or half-open with its one trial already
 * taken, or the site's share of the gateway's rate used up for this second, the donor is asked to retry instead of
 * a pending row being made for nothing. The permit then makes the gateway call (counted by the breaker), or is
 * released if the call is never made.
 */
export async function admitCheckout(): Promise<BreakerPermit> {
  const permit = await unavailableWhileOpen(() => gatewayBreaker.reserve());
  const token = await takeCheckoutToken().catch((error: unknown) => {
    permit.release();
    throw error;
  });
  if (!token.success) {
    permit.release();
    throw new ApiError("gateway_busy", "checkout rate cap reached", {
      retryAfterSeconds: token.retryAfterSeconds,
    });
  }
  return permit;
}

/**
 * Any other call to the gateway (a status check on the donor's return, the reconciler): the same breaker and the
 * same per-second cap as checkouts, since the gateway's rate limit counts every call we make.
 */
export async function callGateway<T>(call: () => Promise<T>): Promise<T> {
  return (await admitCheckout()).run(call);
}

/** The refusals callGateway and admitCheckout answer with, for callers that wait rather than fail. */
export function isGatewayRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.code === "service_unavailable" || error.code === "gateway_busy");
}

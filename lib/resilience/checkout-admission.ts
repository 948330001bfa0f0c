import { ApiError } from "@/lib/api/errors";
import { takeCheckoutToken } from "@/lib/rate-limit/gateway-bucket";
import { gatewayBreaker } from "./breakers";
import { unavailableWhileOpen } from "./unavailable-while-open";

/**
 * Checked before a donation row is written: with the gateway's breaker open, or the site's share of the gateway's
 * rate used up for this second, the donor is asked to retry instead of a pending row being made for nothing.
 */
export async function admitCheckout(): Promise<void> {
  await unavailableWhileOpen(() => gatewayBreaker.rejectIfOpen());
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

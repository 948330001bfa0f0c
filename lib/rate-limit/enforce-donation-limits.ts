import { ApiError } from "@/lib/api/errors";
import { clientAddress } from "@/lib/http/client-address";
import {
  limitDonationStartsByClient,
  limitDonationStartsByDonor,
  limitDonationStartsSiteWide,
} from "./donation-limits";

// The refusal is the same whichever limit was hit, so a card tester cannot tell which one to work around.
export function refuseDonationStart(retryAfterSeconds: number): never {
  throw new ApiError("rate_limited", "too many donation attempts", { retryAfterSeconds });
}

/** Per client address (and per IPv6 /48), counted before the body is validated: every attempt costs. */
export async function assertClientWithinLimit(request: Request): Promise<void> {
  const result = await limitDonationStartsByClient(clientAddress(request.headers));
  if (!result.success) refuseDonationStart(result.retryAfterSeconds);
}

/** Per donor email, or per client address for a start without one. */
export async function assertEmailWithinLimit(email: string | undefined, request: Request): Promise<void> {
  const result = await limitDonationStartsByDonor(email, clientAddress(request.headers));
  if (!result.success) refuseDonationStart(result.retryAfterSeconds);
}

/**
 * The whole site's donation starts per minute. Not one donor's fault, so it is answered as a crowd: 503 with
 * Retry-After, and the form's retry page that keeps the input and tries again by itself.
 */
export async function assertSiteWithinLimit(): Promise<void> {
  const result = await limitDonationStartsSiteWide();
  if (!result.success) {
    throw new ApiError("gateway_busy", "site-wide donation start rate reached", {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

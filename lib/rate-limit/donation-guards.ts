import { ApiError } from "@/lib/api/errors";
import { clientAddress } from "@/lib/http/client-address";
import { limitDonationStartsByClient, limitDonationStartsByEmail } from "./donation-limits";

// The refusal is the same whichever limit was hit, so a card tester cannot tell which one to work around.
export function refuseDonationStart(retryAfterSeconds: number): never {
  throw new ApiError("rate_limited", "too many donation attempts", { retryAfterSeconds });
}

export async function assertClientWithinLimit(request: Request): Promise<void> {
  const result = await limitDonationStartsByClient(clientAddress(request.headers));
  if (!result.success) refuseDonationStart(result.retryAfterSeconds);
}

export async function assertEmailWithinLimit(email: string | undefined): Promise<void> {
  if (!email) return;
  const result = await limitDonationStartsByEmail(email);
  if (!result.success) refuseDonationStart(result.retryAfterSeconds);
}

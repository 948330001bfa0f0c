import { ApiError } from "@/lib/api/errors";
import { donationsPauseState, PAUSED_RETRY_AFTER_SECONDS } from "./index";

export async function assertDonationsOpen(): Promise<void> {
  const state = await donationsPauseState();
  if (state.paused) {
    throw new ApiError("donations_paused", `donations are paused (${state.source})`, {
      retryAfterSeconds: PAUSED_RETRY_AFTER_SECONDS,
    });
  }
}

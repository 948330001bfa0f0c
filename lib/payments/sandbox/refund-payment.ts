import { ApiError } from "@/lib/api/errors";
import { loseDispute, refundSession } from "./sandbox-sessions";
import { sendCallback } from "./send-callback";

// What a charity does in a real gateway's dashboard after the fact, and what the card network does to it: each is
// recorded on the sandbox's side, then notified to the site by a signed callback like any other.

/** Refunds `amount` more of a paid session's charge (minor units); the callback carries the cumulative total. */
export async function refundSandboxPayment(sessionId: string, amount: number, callbackUrl?: string) {
  const session = await refundSession(sessionId, amount);
  if (!session) throw new ApiError("bad_request", "nothing left to refund on that session");
  return sendCallback(session, "refund", callbackUrl);
}

/** The charity lost a dispute over a paid session: the whole charge is taken back. */
export async function loseSandboxDispute(sessionId: string, callbackUrl?: string) {
  const session = await loseDispute(sessionId);
  if (!session) throw new ApiError("bad_request", "no paid session without a lost dispute");
  return sendCallback(session, "dispute_lost", callbackUrl);
}

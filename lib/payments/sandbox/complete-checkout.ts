import { ApiError } from "@/lib/api/errors";
import { completeSession, findSession, returnUrlFor, type SandboxChoice } from "./sandbox-sessions";
import { sendCallback } from "./send-callback";

const CHOICES: readonly string[] = ["pay", "decline", "cancel"] satisfies SandboxChoice[];

/**
 * The donor pressed Pay, Decline or Cancel on the simulated hosted page: record it once, notify the site like a
 * real gateway would, and return the URL to send the browser back to. A second press only sends them back.
 */
export async function completeSandboxCheckout(sessionId: string, choice: string | null): Promise<string> {
  if (choice === null || !CHOICES.includes(choice)) throw new ApiError("bad_request", "unknown choice");
  const completed = await completeSession(sessionId, choice as SandboxChoice);
  const session = completed ?? (await findSession(sessionId));
  if (!session) throw new ApiError("not_found", "unknown sandbox session");
  if (completed) await sendCallback(completed);
  return returnUrlFor(session);
}

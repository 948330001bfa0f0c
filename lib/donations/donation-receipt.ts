import { getDb } from "@/lib/db/client";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { limitResultPage } from "@/lib/rate-limit/result-limits";
import { isIssuedDonationId } from "./donation-id";

export type ReceiptLookup =
  | { kind: "found"; receipt: { id: string; amount: number; currency: string; status: DonationStatus } }
  | { kind: "unknown" }
  | { kind: "limited"; retryAfterSeconds: number };

/**
 * What the result page may show about a donation: no name, no email, nothing a guessed link could leak. An id we
 * never issued costs no query; a client past its limit is told to wait, also without one.
 */
export async function lookUpReceipt(id: string | undefined, headers: Headers): Promise<ReceiptLookup> {
  if (!isIssuedDonationId(id)) return { kind: "unknown" };
  const limit = await limitResultPage(headers);
  if (!limit.success) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  const receipt = await getDb().donation.findUnique({
    where: { id },
    select: { id: true, amount: true, currency: true, status: true },
  });
  return receipt ? { kind: "found", receipt } : { kind: "unknown" };
}

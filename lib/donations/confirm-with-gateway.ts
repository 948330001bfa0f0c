import { getDb } from "@/lib/db/client";
import type { Donation, DonationStatus } from "@/lib/generated/prisma/client";
import type { SessionStatus } from "@/lib/payments/gateway";
import { getGatewayByName } from "@/lib/payments/get-gateway";
import { callGateway } from "@/lib/resilience/checkout-admission";
import { settleDonation, type Settlement } from "./settle-donation";

const TARGET_BY_SESSION: Record<SessionStatus, Settlement["to"] | null> = {
  paid: "succeeded",
  declined: "failed",
  cancelled: "cancelled",
  expired: "expired",
  pending: null,
};

/**
 * Asks the gateway about a pending donation and settles it through the same path as a callback, so a donation
 * whose callback is late or lost is still confirmed. With expireIfUnknown, a donation the gateway has never heard
 * of (it failed before or during checkout creation) is expired, since nobody can pay it any more.
 * The question goes through the gateway's breaker and rate cap like a checkout (callGateway).
 * Returns the donation's status afterwards.
 */
export async function confirmWithGateway(
  donation: Donation,
  { expireIfUnknown = false }: { expireIfUnknown?: boolean } = {},
): Promise<DonationStatus> {
  if (donation.status !== "pending") return donation.status;
  const gateway = getGatewayByName(donation.gateway);
  // A gateway we can no longer reach by name is not asked, and nothing is decided for it.
  if (!gateway) return donation.status;
  const sessionId = donation.gatewaySessionId;
  // Through the gateway's breaker and rate cap: throws service_unavailable or gateway_busy rather than asking.
  const state = sessionId ? await callGateway(() => gateway.getSessionStatus(sessionId)) : null;
  const to = state ? TARGET_BY_SESSION[state.status] : expireIfUnknown ? "expired" : null;
  if (!to) return donation.status;
  await settleDonation({ donation, to, reported: state ?? undefined });
  const after = await getDb().donation.findUniqueOrThrow({
    where: { id: donation.id },
    select: { status: true },
  });
  return after.status;
}

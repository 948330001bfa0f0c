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
  // Neither settles anything: an open session can still be paid, a pending payment can still succeed or fail.
  open: null,
  pending: null,
};

export interface Confirmation {
  /** The donation's status afterwards. */
  status: DonationStatus;
  /** What the gateway answered; null when it was not asked or does not know the session. */
  session: SessionStatus | null;
}

/**
 * Asks the gateway about a pending donation and settles it through the same path as a callback, so a donation
 * whose callback is late or lost is still confirmed. With expireIfUnknown, a donation the gateway has never heard
 * of (it failed before or during checkout creation) is expired, since nobody can pay it any more.
 * The question goes through the gateway's breaker and rate cap like a checkout (callGateway).
 */
export async function confirmWithGateway(
  donation: Donation,
  { expireIfUnknown = false }: { expireIfUnknown?: boolean } = {},
): Promise<Confirmation> {
  if (donation.status !== "pending") return { status: donation.status, session: null };
  const gateway = getGatewayByName(donation.gateway);
  // A gateway we can no longer reach by name is not asked, and nothing is decided for it.
  if (!gateway) return { status: donation.status, session: null };
  const sessionId = donation.gatewaySessionId;
  // Through the gateway's breaker and rate cap: throws service_unavailable or gateway_busy rather than asking.
  const state = sessionId ? await callGateway(() => gateway.getSessionStatus(sessionId)) : null;
  const to = state ? TARGET_BY_SESSION[state.status] : expireIfUnknown ? "expired" : null;
  const session = state?.status ?? null;
  if (!to) return { status: donation.status, session };
  await settleDonation({ donation, to, reported: state ?? undefined });
  const after = await getDb().donation.findUniqueOrThrow({
    where: { id: donation.id },
    select: { status: true },
  });
  return { status: after.status, session };
}

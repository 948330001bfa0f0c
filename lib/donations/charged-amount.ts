import type { Donation } from "@/lib/generated/prisma/client";

/**
 * What the gateway charges and reports back: the gift plus the fee the donor chose to cover. The gift alone
 * (`amount`) is what the charity receives and what the totals count.
 */
export const chargedAmount = (donation: Pick<Donation, "amount" | "fee">): number =>
  donation.amount + donation.fee;

/**
 * The part of the gift a refund of `refundedCharge` (cumulative, minor units of the charge) gives back: the gift
 * first, capped at the gift. Gateways keep their fee when a charge is refunded (Stripe and Mollie both do), so
 * every unit sent back to the donor comes out of the gift the charity received, not out of the covered fee, which
 * was never the charity's; counting it proportionally would leave money in the total that has left the charity.
 * The cap holds because the total never counted the fee: a refund of the whole charge takes out the whole gift.
 */
export const refundedGift = (donation: Pick<Donation, "amount">, refundedCharge: number): number =>
  Math.min(Math.max(refundedCharge, 0), donation.amount);

import type { Donation } from "@/lib/generated/prisma/client";

/**
 * What the gateway charges and reports back: the gift plus the fee the donor chose to cover. The gift alone
 * (`amount`) is what the charity receives and what the totals count.
 */
export const chargedAmount = (donation: Pick<Donation, "amount" | "fee">): number =>
  donation.amount + donation.fee;

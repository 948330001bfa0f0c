import type { Locale } from "@/i18n/routing";
import { newDonationId } from "./donation-id";
import { outcomePath } from "./donor-outcome";
import type { StartedDonation } from "./start-donation";

// The donate form has a "website" field people never see (see donation-form.tsx); bots fill every field.
export function isHoneypotFilled(input: { website?: string }): boolean {
  return Boolean(input.website?.trim());
}

/**
 * What a bot gets: an answer shaped like a started donation, but nothing is stored and no gateway is called, so a
 * script sees no difference to learn from. People never reach this.
 */
export function decoyDonation(locale: Locale): StartedDonation {
  return { id: newDonationId(), status: "pending", redirectUrl: outcomePath(locale, { kind: "success" }) };
}

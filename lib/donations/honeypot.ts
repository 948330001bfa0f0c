import { refuseDonationStart } from "@/lib/rate-limit/enforce-donation-limits";

// The donate form has a "website" field people never see (see donation-form.tsx); bots fill every field.
export function isHoneypotFilled(input: { website?: string }): boolean {
  return Boolean(input.website?.trim());
}

// A plausible wait, within the per-client window a real refusal names.
const DECOY_RETRY_AFTER_SECONDS = 60;

/**
 * A filled honeypot gets exactly the refusal a rate limit gives (429 and Retry-After, or the "please wait" page for
 * the form), so a script learns nothing from it; nothing is stored and no gateway is called. A person whose browser
 * auto-filled the field is told to try again, never thanked for a payment that was not made, and the retry page
 * re-posts their input without the hidden field.
 */
export function assertHoneypotEmpty(input: { website?: string }): void {
  if (isHoneypotFilled(input)) refuseDonationStart(DECOY_RETRY_AFTER_SECONDS);
}

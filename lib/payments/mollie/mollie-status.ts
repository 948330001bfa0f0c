import type { PaymentOutcome, SessionStatus } from "../gateway";

// Mollie's payment statuses in our terms. `open`: not paid yet and still payable; `pending` and `authorized`: a
// payment started and not settled (Mollie will call again when it is).
export const SESSION_STATUS: Record<string, SessionStatus> = {
  open: "open",
  pending: "pending",
  authorized: "pending",
  paid: "paid",
  failed: "declined",
  canceled: "cancelled",
  expired: "expired",
};

/** The statuses a callback settles a donation with; any other settles nothing. */
export const CALLBACK_OUTCOME: Record<string, PaymentOutcome> = {
  paid: "succeeded",
  failed: "failed",
  canceled: "cancelled",
  expired: "expired",
};

// Mollie has no Arabic checkout: without a locale it follows the donor's browser.
export const MOLLIE_LOCALES: Record<string, string> = { en: "en_US", fr: "fr_FR" };

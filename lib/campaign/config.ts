import { env } from "@/lib/env";

// The campaign's settings, from the validated configuration. Texts (name, appeal) live in messages/.
export const campaign = {
  slug: env.CAMPAIGN_SLUG,
  currency: env.CAMPAIGN_CURRENCY,
  goal: env.CAMPAIGN_GOAL,
  presetAmounts: env.CAMPAIGN_PRESET_AMOUNTS,
  minAmount: env.DONATION_MIN_AMOUNT,
  maxAmount: env.DONATION_MAX_AMOUNT,
  revalidateSeconds: env.TOTALS_REVALIDATE_SECONDS,
} as const;

export type Campaign = typeof campaign;

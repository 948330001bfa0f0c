import { env } from "@/lib/env";

export interface FeeRate {
  /** The percentage part in hundredths of a percent: 150 is 1.5 %. */
  basisPoints: number;
  /** The fixed part per payment, in minor units. */
  fixed: number;
}

/** Each provider's fee schedule (PAYMENT_FEES); a provider without one costs nothing to cover. */
export function feeRateFor(provider: string): FeeRate {
  return env.PAYMENT_FEES[provider] ?? { basisPoints: 0, fixed: 0 };
}

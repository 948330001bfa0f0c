import type { FeeRate } from "./fee-schedule";

/**
 * What to add to a gift so that the charity still receives the whole gift after the provider takes its fee from
 * the charged amount. The provider takes pct × charged + fixed, so charged must be at least
 * (gift + fixed) / (1 − pct); it is rounded UP to the next minor unit, so the charity never gets less than the gift
 * (at most one minor unit more). Integer arithmetic only: no floating-point cents.
 * Shared by the server (which decides what is charged) and the donate form (which shows it live).
 */
export function coverFee(gift: number, rate: FeeRate): number {
  if (rate.basisPoints === 0 && rate.fixed === 0) return 0;
  const numerator = (gift + rate.fixed) * 10_000;
  const denominator = 10_000 - rate.basisPoints;
  const charged = Math.floor((numerator + denominator - 1) / denominator);
  return charged - gift;
}

import type { CampaignTotals } from "./totals";

/** How far the campaign is towards its goal, 0..1: a bar never overflows its track once the goal is passed. */
export function progressRatio(totals: Pick<CampaignTotals, "raised" | "goal">): number {
  return totals.goal > 0 ? Math.min(1, Math.max(0, totals.raised / totals.goal)) : 0;
}

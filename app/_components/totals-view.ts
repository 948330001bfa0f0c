import type { useFormatter, useTranslations } from "next-intl";
import { progressRatio } from "@/lib/campaign/progress-ratio";
import type { CampaignTotals } from "@/lib/campaign/totals";
import { formatMoney } from "@/lib/money";

export interface TotalsView {
  raised: string;
  goal: string;
  donors: string;
  percent: string;
  ratio: number;
  valueText: string;
}

/** The progress card's texts, built the same way on the server (prerender) and in the browser (live refresh). */
export function totalsView(
  totals: Pick<CampaignTotals, "currency" | "raised" | "goal" | "donors">,
  locale: string,
  t: ReturnType<typeof useTranslations<"RaisedProgress">>,
  format: ReturnType<typeof useFormatter>,
): TotalsView {
  const ratio = progressRatio(totals);
  return {
    raised: t("raised", { amount: formatMoney(totals.raised, totals.currency, locale, { whole: true }) }),
    goal: t("goal", { goal: formatMoney(totals.goal, totals.currency, locale, { whole: true }) }),
    donors: t("donors", { count: totals.donors }),
    percent: t("percent", { percent: ratio }),
    ratio,
    valueText: format.number(ratio, { style: "percent" }),
  };
}

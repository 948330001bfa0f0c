import { getFormatter, getTranslations } from "next-intl/server";
import { progressRatio } from "@/lib/campaign/progress-ratio";
import type { CampaignTotals } from "@/lib/campaign/totals";
import { formatMoney } from "@/lib/money";
import { LiveTotals, type TotalsView } from "./live-totals";

// Rendered on the server into the prerendered page; LiveTotals then refreshes it from /api/totals.
export async function RaisedProgress({ totals, locale }: { totals: CampaignTotals; locale: string }) {
  const t = await getTranslations("RaisedProgress");
  const format = await getFormatter();
  const ratio = progressRatio(totals);
  const initial: TotalsView = {
    raised: t("raised", { amount: formatMoney(totals.raised, totals.currency, locale, { whole: true }) }),
    goal: t("goal", { goal: formatMoney(totals.goal, totals.currency, locale, { whole: true }) }),
    donors: t("donors", { count: totals.donors }),
    percent: t("percent", { percent: ratio }),
    ratio,
    valueText: format.number(ratio, { style: "percent" }),
  };
  return <LiveTotals label={t("label")} initial={initial} />;
}

import { getFormatter, getTranslations } from "next-intl/server";
import type { CampaignTotals } from "@/lib/campaign/totals";
import { LiveTotals } from "./live-totals";
import { totalsView } from "./totals-view";

// Rendered on the server into the prerendered page; LiveTotals then refreshes it from /api/totals.
export async function RaisedProgress({ totals, locale }: { totals: CampaignTotals; locale: string }) {
  const t = await getTranslations("RaisedProgress");
  const format = await getFormatter();
  const initial = totalsView(totals, locale, t, format);
  return <LiveTotals label={t("label")} initial={initial} />;
}

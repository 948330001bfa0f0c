import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { campaign } from "@/lib/campaign/config";
import { formatMoney } from "@/lib/money";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: t("aboutTitle") };
}

export default async function AboutPage() {
  const locale = await getLocale();
  const t = await getTranslations("AboutPage");

  return (
    <article className="container narrow page-section prose">
      <h1>{t("title")}</h1>
      <p className="lead">{t("story")}</p>
      <h2>{t("missionTitle")}</h2>
      <p className="callout">{t("mission")}</p>
      <h2>{t("numbersTitle")}</h2>
      <p className="stat">{t("numbers", { wells: 1240, people: 486000 })}</p>
      <h2>{t("accountabilityTitle")}</h2>
      <p>
        {t("accountability", {
          amount: formatMoney(1000, campaign.currency, locale, { whole: true }),
          programmes: formatMoney(880, campaign.currency, locale),
        })}
      </p>
    </article>
  );
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { campaign } from "@/lib/campaign/config";
import { formatMoney } from "@/lib/money";

export async function generateMetadata({ params }: PageProps<"/[locale]/about">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "Metadata" });
  return { title: t("aboutTitle") };
}

export default async function AboutPage({ params }: PageProps<"/[locale]/about">) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
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

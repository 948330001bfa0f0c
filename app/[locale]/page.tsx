import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { ImpactIcon } from "@/app/_components/impact-icon";
import { RaisedProgress } from "@/app/_components/raised-progress";
import { campaign } from "@/lib/campaign/config";
import { getTotals } from "@/lib/campaign/totals";
import { formatMoney } from "@/lib/money";

// ISR: the totals come through the data cache with campaign.revalidateSeconds (TOTALS_REVALIDATE_SECONDS), which
// becomes this page's regeneration interval; a confirmed payment also invalidates it on demand.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: { absolute: `${t("homeTitle")} · ${t("siteName")}` } };
}

export default async function HomePage() {
  const locale = await getLocale();
  const t = await getTranslations("HomePage");
  const totals = await getTotals();
  const money = (minor: number) => formatMoney(minor, campaign.currency, locale, { whole: true });

  return (
    <>
      <section className="hero">
        <div className="container hero-inner">
          <div className="hero-text">
            <p className="eyebrow">{t("eyebrow")}</p>
            <h1>{t("title")}</h1>
            <p className="lead">{t("appeal")}</p>
            <p className="hero-actions">
              <Link href="/donate" className="button button-large">
                {t("cta")}
                <span className="arrow" aria-hidden="true">
                  →
                </span>
              </Link>
              <a href="#impact" className="text-link">
                {t("learnMore")}
              </a>
            </p>
          </div>
          <RaisedProgress totals={totals} locale={locale} />
        </div>
      </section>
      <section id="impact" className="container page-section">
        <h2>{t("impactTitle")}</h2>
        <ul className="impact-list">
          <li>
            <ImpactIcon name="filter" />
            {t("impactFilter", { amount: money(2500) })}
          </li>
          <li>
            <ImpactIcon name="tank" />
            {t("impactTank", { amount: money(25000) })}
          </li>
          <li>
            <ImpactIcon name="pump" />
            {t("impactPump", { amount: money(100000) })}
          </li>
        </ul>
      </section>
    </>
  );
}

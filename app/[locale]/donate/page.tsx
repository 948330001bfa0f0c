import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DonationForm } from "@/app/_components/donation-form";
import { DonationsStatusNotice } from "@/app/_components/donations-status-notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: t("donateTitle") };
}

export default async function DonatePage() {
  const locale = await getLocale();
  const t = await getTranslations("DonatePage");

  return (
    <div className="container narrow page-section">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <DonationsStatusNotice />
      <DonationForm locale={locale} />
      <p className="secure-note">
        <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
          <path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1Zm2 0h6V7a3 3 0 0 0-6 0v3Z" />
        </svg>
        {t("secure")}
      </p>
    </div>
  );
}

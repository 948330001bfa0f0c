import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/donate/error">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "Metadata" });
  return { title: t("errorTitle"), robots: { index: false } };
}

export default async function ErrorPage({ params }: PageProps<"/[locale]/donate/error">) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const t = await getTranslations("ErrorPage");

  return (
    <div className="container narrow page-section center">
      <div className="result-icon result-error" aria-hidden="true">!</div>
      <h1>{t("title")}</h1>
      <p className="lead">{t("reason", { reason: "unknown" })}</p>
      <p className="actions">
        <Link href="/donate" className="button">
          {t("retry")}
        </Link>
        <Link href="/" className="text-link">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}

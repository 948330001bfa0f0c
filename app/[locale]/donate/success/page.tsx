import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/donate/success">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "Metadata" });
  return { title: t("successTitle"), robots: { index: false } };
}

export default async function SuccessPage({ params }: PageProps<"/[locale]/donate/success">) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const t = await getTranslations("SuccessPage");

  return (
    <div className="container narrow page-section center">
      <div className="result-icon result-success" aria-hidden="true">✓</div>
      <h1>{t("title")}</h1>
      <p className="lead">{t("unknown")}</p>
      <p>
        <Link href="/" className="button">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}

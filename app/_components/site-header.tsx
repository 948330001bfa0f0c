import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { routing, type Locale } from "@/i18n/routing";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations("SiteHeader");
  const tLocale = await getTranslations("LocaleSwitcher");
  const languages = routing.locales.map((code) => ({ code, name: tLocale("locale", { locale: code }) }));

  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="container header-inner">
        <Link href="/" className="brand" aria-label={t("home")}>
          <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 2.5c-3.8 5-6.5 8.6-6.5 12a6.5 6.5 0 0 0 13 0c0-3.4-2.7-7-6.5-12Z" />
          </svg>
          <span>Clearwater</span>
        </Link>
        <nav aria-label={t("navigation")} className="main-nav">
          <Link href="/about">{t("about")}</Link>
          <Link href="/contact">{t("contact")}</Link>
          <Link href="/donate" className="button button-small">
            {t("donate")}
          </Link>
        </nav>
        <LocaleSwitcher label={tLocale("label")} current={locale} languages={languages} />
      </div>
    </header>
  );
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { routing, type Locale } from "@/i18n/routing";
import { BrandMark } from "./brand-mark";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations("SiteHeader");
  const tLocale = await getTranslations("LocaleSwitcher");
  const tMeta = await getTranslations("Metadata");
  const languages = routing.locales.map((code) => ({ code, name: tLocale("locale", { locale: code }) }));

  // The call to donate sits outside the navigation list so that on a phone it stays beside the brand on the
  // first row while the links and languages share the second.
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="container header-inner">
        <Link href="/" className="brand" data-testid="brand">
          <BrandMark />
          <span>{tMeta("siteName")}</span>
        </Link>
        <nav aria-label={t("navigation")} className="main-nav">
          <Link href="/about">{t("about")}</Link>
          <Link href="/contact">{t("contact")}</Link>
        </nav>
        <LocaleSwitcher label={tLocale("label")} current={locale} languages={languages} />
        <Link href="/donate" className="button button-small header-cta">
          {t("donate")}
        </Link>
      </div>
    </header>
  );
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { BrandMark } from "./brand-mark";

const FOOTER_LINKS = [
  { href: "/", label: "home" },
  { href: "/donate", label: "donate" },
  { href: "/about", label: "about" },
  { href: "/contact", label: "contact" },
] as const;

export async function SiteFooter() {
  const t = await getTranslations("SiteFooter");
  const tNav = await getTranslations("SiteHeader");
  const tMeta = await getTranslations("Metadata");
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <div className="footer-about">
          <p className="footer-brand">
            <BrandMark />
            <span>{tMeta("siteName")}</span>
          </p>
          <p>{t("charity")}</p>
          <p className="footer-secure">{t("secure")}</p>
        </div>
        {/* A plain list, not a second navigation landmark: the header's navigation already carries these. */}
        <ul className="footer-nav">
          {FOOTER_LINKS.map(({ href, label }) => (
            <li key={href}>
              <Link href={href}>{tNav(label)}</Link>
            </li>
          ))}
        </ul>
        <p className="footer-legal">{t("copyright", { year: new Date() })}</p>
      </div>
    </footer>
  );
}

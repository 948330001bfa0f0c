import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("SiteFooter");
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p>{t("charity")}</p>
        <p>{t("secure")}</p>
        <p>{t("copyright", { year: new Date() })}</p>
      </div>
    </footer>
  );
}

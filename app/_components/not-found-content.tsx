import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

// The 404's text: shown by the prerendered page-not-found document that the proxy serves for unknown paths, and
// by the locale's not-found boundary when a page calls notFound().
export function NotFoundContent() {
  const t = useTranslations("NotFoundPage");
  return (
    <div className="container narrow page-section center">
      <p className="big-code" aria-hidden="true">
        404
      </p>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/" className="button">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}

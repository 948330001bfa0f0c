import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export default function NotFoundPage() {
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

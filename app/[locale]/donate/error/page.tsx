import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { errorReasonOf } from "@/lib/donations/donor-outcome";

// Reads `reason` from the query string, so it is rendered per request and never stored by a CDN.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: t("errorTitle"), robots: { index: false } };
}

export default async function ErrorPage({ searchParams }: PageProps<"/[locale]/donate/error">) {
  const { reason } = await searchParams;
  const t = await getTranslations("ErrorPage");
  const known = errorReasonOf(reason);

  return (
    <div className="container narrow page-section center">
      <div className="result-icon result-error" aria-hidden="true">
        !
      </div>
      <h1>{t("title")}</h1>
      <p className="lead" data-testid="donation-result" role="status">
        {t("reason", { reason: known })}
      </p>
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

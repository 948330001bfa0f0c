import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { lookUpReceipt } from "@/lib/donations/donation-receipt";
import { formatMoney } from "@/lib/money";

// One of the two pages that vary per request: it reads the donation named in the link, so it is rendered on
// demand and never stored by a CDN (Next.js sends `private, no-store` for dynamic pages).
export const dynamic = "force-dynamic";

const PENDING_REFRESH_SECONDS = 3;
const REASON_BY_STATUS = { failed: "declined", cancelled: "cancelled", expired: "unknown" } as const;

export async function generateMetadata({ params }: PageProps<"/[locale]/donate/success">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "Metadata" });
  return { title: t("successTitle"), robots: { index: false } };
}

export default async function SuccessPage({ params, searchParams }: PageProps<"/[locale]/donate/success">) {
  const { locale } = await params;
  const { donation: id } = await searchParams;
  setRequestLocale(locale as Locale);
  const t = await getTranslations("SuccessPage");
  const lookup = await lookUpReceipt(typeof id === "string" ? id : undefined, await headers());
  const receipt = lookup.kind === "found" ? lookup.receipt : null;
  const limited = lookup.kind === "limited";
  if (receipt && receipt.status in REASON_BY_STATUS) {
    redirect(
      `/${locale}/donate/error?reason=${REASON_BY_STATUS[receipt.status as keyof typeof REASON_BY_STATUS]}`,
    );
  }
  const amount = receipt ? formatMoney(receipt.amount, receipt.currency, locale) : "";
  const pending = receipt?.status === "pending";

  return (
    <div className="container narrow page-section center">
      {/* Works without JavaScript: the browser itself reloads until the gateway has confirmed. */}
      {pending && <meta httpEquiv="refresh" content={String(PENDING_REFRESH_SECONDS)} />}
      {/* Past the per-client limit: nothing was read; the page asks again once the window allows. */}
      {limited && <meta httpEquiv="refresh" content={String(lookup.retryAfterSeconds)} />}
      <div className="result-icon result-success" aria-hidden="true">
        ✓
      </div>
      <h1>{t("title")}</h1>
      <p className="lead" data-testid="donation-result" role="status">
        {limited
          ? t("checking")
          : !receipt
            ? t("unknown")
            : pending
              ? t("pending", { amount })
              : t("body", { amount })}
      </p>
      <p>
        <Link href="/" className="button">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}

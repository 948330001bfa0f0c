import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { lookUpReceipt } from "@/lib/donations/donation-receipt";
import { outcomeOfStatus, outcomePath } from "@/lib/donations/donor-outcome";
import { formatMoney } from "@/lib/money";

// Rendered per request, like the error and busy pages: it reads the donation named in the link, so it is never
// stored by a CDN (Next.js sends `private, no-store` for dynamic pages).
export const dynamic = "force-dynamic";

const PENDING_REFRESH_SECONDS = 3;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: t("successTitle"), robots: { index: false } };
}

export default async function SuccessPage({ searchParams }: PageProps<"/[locale]/donate/success">) {
  const locale = await getLocale();
  const { donation: id } = await searchParams;
  const t = await getTranslations("SuccessPage");
  const lookup = await lookUpReceipt(typeof id === "string" ? id : undefined, await headers());
  const receipt = lookup.kind === "found" ? lookup.receipt : null;
  const limited = lookup.kind === "limited";
  const outcome = receipt && outcomeOfStatus(receipt.status, receipt.id);
  if (outcome && outcome.kind !== "success") redirect(outcomePath(locale, outcome));
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

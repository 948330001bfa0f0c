import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { AutoRetry } from "@/app/_components/auto-retry";
import { openRetryInput } from "@/lib/donations/sealed-input";
import { retryReasonOf, type RetryReason } from "@/lib/donations/donor-outcome";
import { formatMoney } from "@/lib/money";

// Where a form post that must wait is sent (a "retry-later" outcome, lib/donations/donor-outcome.ts). It holds the donor's own input, so it is
// rendered per request and never cached.
export const dynamic = "force-dynamic";

// Only a crowd or a gateway hiccup clears by itself; a pause or a rate limit must not be hammered automatically.
const RETRIES_BY_ITSELF: ReadonlySet<RetryReason> = new Set(["busy", "unavailable"]);
const MAX_AUTOMATIC_WAIT_SECONDS = 30;

type Props = PageProps<"/[locale]/donate/busy">;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("DonationRetryPage");
  return {
    title: t("title", { reason: retryReasonOf((await searchParams).reason) }),
    robots: { index: false },
  };
}

export default async function DonationRetryPage({ searchParams }: Props) {
  const locale = await getLocale();
  const query = await searchParams;
  const t = await getTranslations("DonationRetryPage");
  const reason = retryReasonOf(query.reason);
  const input = openRetryInput(typeof query.input === "string" ? query.input : undefined);
  const wait = Math.min(Math.max(Number(query.retryAfter) || 3, 1), MAX_AUTOMATIC_WAIT_SECONDS);

  return (
    <div className="container narrow page-section center">
      <h1>{t("title", { reason })}</h1>
      <p className="lead" role="status">
        {t("body", { reason })}
      </p>
      {input && (
        <form id="retry-donation" className="card" method="post" action="/api/donations">
          <input type="hidden" name="amount" value={input.amount} />
          <input type="hidden" name="currency" value={input.currency} />
          <input type="hidden" name="locale" value={input.locale} />
          {input.name && <input type="hidden" name="name" value={input.name} />}
          {input.email && <input type="hidden" name="email" value={input.email} />}
          {input.anonymous && <input type="hidden" name="anonymous" value="true" />}
          <p>{t("kept", { amount: formatMoney(input.amount, input.currency, locale) })}</p>
          {RETRIES_BY_ITSELF.has(reason) && (
            <AutoRetry formId="retry-donation" seconds={wait} note={t("autoRetry", { seconds: wait })} />
          )}
          <button type="submit" className="button">
            {t("retryNow")}
          </button>
        </form>
      )}
      <p className="actions">
        <Link href="/donate" className="text-link">
          {t("backToForm")}
        </Link>
      </p>
    </div>
  );
}

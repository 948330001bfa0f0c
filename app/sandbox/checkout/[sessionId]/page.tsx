import { getTranslations } from "next-intl/server";
import { hasLocale } from "next-intl";
import { directionOf, routing } from "@/i18n/routing";
import { formatMoney } from "@/lib/money";
import { findSession, isExpired, returnUrlFor } from "@/lib/payments/sandbox/sandbox-sessions";

// The simulated hosted payment page. A plain form, so it works without JavaScript like a real gateway's would.
export default async function SandboxCheckoutPage({ params }: PageProps<"/sandbox/checkout/[sessionId]">) {
  const { sessionId } = await params;
  const session = await findSession(sessionId);
  const locale =
    session && hasLocale(routing.locales, session.locale) ? session.locale : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "SandboxCheckout" });
  const amount = session ? formatMoney(session.amount, session.currency, locale) : "";
  const state = !session
    ? "missing"
    : isExpired(session)
      ? "expired"
      : session.status === "open"
        ? "open"
        : "completed";

  return (
    <main className="sbx-card" lang={locale} dir={directionOf(locale)}>
      <div className="sbx-brand">
        <span>{t("title")}</span>
        <span className="sbx-badge">{t("badge")}</span>
      </div>
      {session && (
        <>
          <p className="sbx-label">{t("merchant")}</p>
          <p className="sbx-label">{t("amountLabel")}</p>
          <p className="sbx-amount" data-testid="sandbox-amount">
            {amount}
          </p>
        </>
      )}
      {state === "open" ? (
        <form
          method="post"
          action={`/api/sandbox/checkout/${encodeURIComponent(sessionId)}`}
          className="sbx-actions"
        >
          <button type="submit" name="choice" value="pay" className="sbx-button sbx-button-primary">
            {t("pay", { amount })}
          </button>
          <button type="submit" name="choice" value="decline" className="sbx-button">
            {t("decline")}
          </button>
          <button type="submit" name="choice" value="cancel" className="sbx-button">
            {t("cancel")}
          </button>
        </form>
      ) : (
        <p role="status">{t(state)}</p>
      )}
      {state === "completed" && session && (
        <p className="sbx-actions">
          <a className="sbx-button" href={returnUrlFor(session)}>
            {t("continue")}
          </a>
        </p>
      )}
      <p className="sbx-notice">{t("notice")}</p>
    </main>
  );
}

import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { campaign } from "@/lib/campaign/config";
import { feeRateFor } from "@/lib/fees/fee-schedule";
import { env } from "@/lib/env";
import { formatMoney, minorUnitDigits } from "@/lib/money";
import { CoverFeesLive } from "./cover-fees-live";
import { DonationFormValidation } from "./donation-form-validation";
import { DONOR_NAME_MAX_LENGTH, MESSAGE_MAX_LENGTH } from "@/lib/donations/field-limits";

// A plain HTML form: it posts to the donation API and works with JavaScript off. DonationFormValidation only adds
// localized messages before the browser submits.
export async function DonationForm({ locale }: { locale: Locale }) {
  const t = await getTranslations("DonationForm");
  // The charity as the site names it in this language (CHARITY_NAME is its legal name, for receipts).
  const charity = (await getTranslations("Metadata"))("siteName");
  const money = (minor: number) => formatMoney(minor, campaign.currency, locale, { whole: true });
  const [defaultAmount] =
    campaign.presetAmounts.length > 1 ? campaign.presetAmounts.slice(1) : campaign.presetAmounts;
  const step = 1 / 10 ** minorUnitDigits(campaign.currency);
  const minMajor = campaign.minAmount * step;
  const maxMajor = campaign.maxAmount * step;
  const limits = { min: money(campaign.minAmount), max: money(campaign.maxAmount) };
  const feeRate = feeRateFor(env.PAYMENT_PROVIDER);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const rate = `${percent.format(feeRate.basisPoints / 10_000)} + ${formatMoney(feeRate.fixed, campaign.currency, locale)}`;

  return (
    <form
      id="donation-form"
      className="donation-form card"
      method="post"
      action="/api/donations"
      noValidate={false}
    >
      <input type="hidden" name="currency" value={campaign.currency} />
      <input type="hidden" name="locale" value={locale} />
      <div className="error-summary" role="alert" aria-live="assertive" hidden data-error-summary>
        <p>{t("errorSummary")}</p>
        <ul />
      </div>

      <fieldset className="amounts">
        <legend>{t("legend")}</legend>
        <div className="amount-grid">
          {campaign.presetAmounts.map((amount) => (
            <label key={amount} className="amount-option">
              <input
                type="radio"
                name="amount"
                value={amount}
                defaultChecked={amount === defaultAmount}
                required
              />
              <span>{money(amount)}</span>
            </label>
          ))}
          <label className="amount-option">
            <input type="radio" name="amount" value="custom" required />
            <span>{t("custom")}</span>
          </label>
        </div>
        <div className="field custom-amount">
          <label htmlFor="customAmount">{t("customLabel", { currency: campaign.currency })}</label>
          <input
            id="customAmount"
            name="customAmount"
            inputMode="decimal"
            autoComplete="transaction-amount"
            pattern="[0-9]+([.,][0-9]{1,3})?"
            aria-describedby="customAmount-hint"
            dir="ltr"
          />
          <p id="customAmount-hint" className="hint">
            {t("customHint", limits)}
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("feesLegend")}</legend>
        <label className="checkbox cover-fees">
          <input type="checkbox" name="coverFees" value="true" />
          <span data-cover-fees-text>{t("coverFees", { rate, charity })}</span>
        </label>
      </fieldset>

      <fieldset>
        <legend>{t("detailsLegend")}</legend>
        <div className="field">
          <label htmlFor="name">{t("name")}</label>
          <input id="name" name="name" autoComplete="name" maxLength={DONOR_NAME_MAX_LENGTH} />
        </div>
        <div className="field">
          <label htmlFor="email">{t("email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            aria-describedby="email-hint"
            dir="ltr"
          />
          <p id="email-hint" className="hint">
            {t("emailHint")}
          </p>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="anonymous" value="true" />
          <span>{t("anonymous")}</span>
        </label>
        <div className="field">
          <label htmlFor="message">{t("message")}</label>
          <textarea
            id="message"
            name="message"
            rows={2}
            maxLength={MESSAGE_MAX_LENGTH}
            aria-describedby="message-hint"
          />
          <p id="message-hint" className="hint">
            {t("messageHint", { max: MESSAGE_MAX_LENGTH })}
          </p>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="showAmount" value="true" />
          <span>{t("showAmount")}</span>
        </label>
        {/* Bots fill every field; people never see this one. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{t("honeypot")}</label>
          <input id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
      </fieldset>

      <button
        type="submit"
        className="button button-large button-block"
        data-submitting-text={t("submitting")}
      >
        {t("submit")}
      </button>
      <DonationFormValidation
        formId="donation-form"
        currency={campaign.currency}
        minMajor={minMajor}
        maxMajor={maxMajor}
        messages={{
          amountRequired: t("amountRequired"),
          amountInvalid: t("amountInvalid"),
          amountTooSmall: t("amountTooSmall", limits),
          amountTooLarge: t("amountTooLarge", limits),
          nameTooLong: t("nameTooLong", { max: DONOR_NAME_MAX_LENGTH }),
          emailInvalid: t("emailInvalid"),
          messageTooLong: t("messageTooLong", { max: MESSAGE_MAX_LENGTH }),
        }}
      />
      <CoverFeesLive
        formId="donation-form"
        currency={campaign.currency}
        locale={locale}
        rate={feeRate}
        template={t("coverFeesLive", { fee: "{fee}", amount: "{amount}", charity })}
      />
    </form>
  );
}

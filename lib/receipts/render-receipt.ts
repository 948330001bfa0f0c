import "server-only";
import { createTranslator, hasLocale } from "next-intl";
import { directionOf, routing, type Locale } from "@/i18n/routing";
import { loadMessages } from "@/i18n/load-messages";
import { charity as charitySettings } from "@/lib/campaign/charity";
import { formatMoney } from "@/lib/money";

export interface ReceiptDonation {
  id: string;
  amount: number;
  fee: number;
  currency: string;
  locale: string;
  anonymous: boolean;
  completedAt: Date;
}

export interface RenderedReceipt {
  language: Locale;
  subject: string;
  text: string;
  html: string;
}

// Built once per locale, like the translator below: an Intl formatter costs far more to make than to use, and a
// worker renders receipts by the thousand after a launch.
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
function dateFormat(locale: Locale): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}

async function makeTranslator(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: "Receipt" });
}
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();
function receiptTranslator(locale: Locale): ReturnType<typeof makeTranslator> {
  let translator = translators.get(locale);
  if (!translator) {
    translator = makeTranslator(locale);
    translators.set(locale, translator);
    // A failed load is tried again by the next receipt rather than kept.
    translator.catch(() => translators.delete(locale));
  }
  return translator;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The receipt in the donor's language, as plain text and as HTML (right-to-left for Arabic). */
export async function renderReceipt(donation: ReceiptDonation): Promise<RenderedReceipt> {
  const locale = hasLocale(routing.locales, donation.locale) ? donation.locale : routing.defaultLocale;
  const t = await receiptTranslator(locale);
  const money = (minor: number) => formatMoney(minor, donation.currency, locale);
  const charity = { charity: charitySettings.name, registration: charitySettings.registration };
  const rows: [string, string][] = [
    [t("amountLabel"), money(donation.amount)],
    ...(donation.fee > 0
      ? ([
          [t("feeLabel"), money(donation.fee)],
          [t("chargedLabel"), money(donation.amount + donation.fee)],
        ] as [string, string][])
      : []),
    [t("dateLabel"), dateFormat(locale).format(donation.completedAt)],
    [t("referenceLabel"), donation.id],
    [t("wallLabel"), t("wall", { anonymous: String(donation.anonymous) })],
  ];
  const subject = t("subject", charity);
  const heading = t("heading");
  const intro = t("intro", charity);
  const closing = t("closing", charity);

  const text = [
    heading,
    "",
    intro,
    "",
    ...rows.map(([label, value]) => t("textLine", { label, value })),
    "",
    closing,
  ].join("\n");
  const dir = directionOf(locale);
  // Mail clients (Outlook, older Gmail apps) ignore logical CSS such as text-align: start or border-block-end, so
  // the receipt spells out the physical sides for its direction.
  const [start, end] = dir === "rtl" ? ["right", "left"] : ["left", "right"];
  const cell = "padding:8px 0;border-bottom:1px solid #e2e8f0;";
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f1f5f9;font-family:system-ui,-apple-system,'Segoe UI',Tahoma,sans-serif;color:#0f172a;">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:32px;border-collapse:separate;">
<tr><td>
<p style="margin:0 0 4px;color:#0369a1;font-weight:700;letter-spacing:.02em;">${escapeHtml(charitySettings.name)}</p>
<h1 style="margin:0 0 16px;font-size:24px;line-height:1.3;">${escapeHtml(heading)}</h1>
<p style="margin:0 0 24px;line-height:1.6;">${escapeHtml(intro)}</p>
<table role="presentation" width="100%" style="border-collapse:collapse;font-size:15px;">
${rows
  .map(
    ([label, value]) =>
      `<tr><th scope="row" style="${cell}text-align:${start};font-weight:400;color:#475569;">${escapeHtml(label)}</th>` +
      `<td style="${cell}text-align:${end};font-weight:600;"><bdi>${escapeHtml(value)}</bdi></td></tr>`,
  )
  .join("\n")}
</table>
<p style="margin:24px 0 0;line-height:1.6;color:#475569;font-size:14px;">${escapeHtml(closing)}</p>
</td></tr>
</table>
</body>
</html>`;
  return { language: locale, subject, text, html };
}

// Amounts are integer minor units. The number of decimals comes from the currency (EUR 2, JPY 0, KWD 3).

// An Intl.NumberFormat costs far more to build than to use (tens of microseconds and ICU memory outside the
// JavaScript heap), and a receipt, a donor wall or a form formats many amounts in few locales and currencies:
// each formatter is built once and kept. The keys are bounded by the locales and currencies the site offers.
const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string, digits?: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${digits ?? ""}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, format);
  }
  return format;
}

export function minorUnitDigits(currency: string): number {
  return currencyFormat("en", currency).resolvedOptions().maximumFractionDigits ?? 2;
}

export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** minorUnitDigits(currency);
}

export function formatMoney(
  minor: number,
  currency: string,
  locale: string,
  options: { whole?: boolean } = {},
): string {
  const digits = options.whole && minor % 10 ** minorUnitDigits(currency) === 0 ? 0 : undefined;
  return currencyFormat(locale, currency, digits).format(toMajorUnits(minor, currency));
}

/** Parses an amount a person typed in major units ("25", "25.5", "25,50") into minor units, or null. */
export function parseMajorUnits(input: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const normalized = input
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".");
  const pattern = digits === 0 ? /^\d{1,9}$/ : new RegExp(`^\\d{1,9}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(normalized)) return null;
  const [whole, fraction = ""] = normalized.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || 0);
}

import { minorUnitDigits } from "@/lib/money";

// Mollie takes and reports amounts as decimal strings with exactly the currency's decimals ("10.00", JPY "1000").
// Built and read digit by digit: no floating point touches the money.

export function toMollieValue(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0)
    throw new RangeError(`not an amount in minor units: ${minor}`);
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(minor);
  const padded = String(minor).padStart(digits + 1, "0");
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Minor units, or null for a value not written with the currency's exact decimals. */
export function fromMollieValue(value: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const pattern = digits === 0 ? /^\d{1,15}$/ : new RegExp(`^\\d{1,15}\\.\\d{${digits}}$`);
  if (!pattern.test(value)) return null;
  return Number(value.replace(".", ""));
}

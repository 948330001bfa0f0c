import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";

export const LOCALES = ["en", "fr", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

/** The six donor pages, as paths after the locale. */
export const PAGES = ["", "/donate", "/donate/success", "/donate/error", "/contact", "/about"] as const;

/** Pages another part of the site renders per request (they read a donation); all others are prerendered. */
export const PER_DONATION_PAGES: ReadonlySet<string> = new Set(["/donate/success", "/donate/error"]);

export interface Totals {
  currency: string;
  raised: number;
  goal: number;
  donors: number;
  updatedAt: string;
}

// Read from disk rather than imported, so the specs see exactly what editors wrote.
export function messagesOf(locale: Locale): Record<string, Record<string, string>> {
  return JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), "utf8"));
}

export async function fetchTotals(request: APIRequestContext): Promise<Totals> {
  const response = await request.get("/api/totals");
  if (!response.ok()) throw new Error(`GET /api/totals answered ${response.status()}`);
  return response.json();
}

/**
 * The raised amount as a donor in `locale` should read it, computed here with Intl rather than with the app's own
 * formatter: whole amounts without decimals, others with the currency's usual minor digits.
 */
export function formatRaised(minor: number, currency: string, locale: Locale): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
    .maximumFractionDigits!;
  const whole = minor % 10 ** digits === 0;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: whole ? 0 : digits,
  }).format(minor / 10 ** digits);
}

/** The raised amount as written into the server's HTML (the element LiveTotals later refreshes). */
export function raisedInHtml(html: string): string | undefined {
  return /data-testid="raised-amount"[^>]*>([^<]*)</.exec(html)?.[1];
}

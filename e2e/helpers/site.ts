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

/**
 * A donation made the way a donor makes one, through the site and the sandbox gateway: started, paid, confirmed by
 * the gateway's callback (or the donor's return), and counted in the running total by the product's own path.
 */
export async function donateThroughSandbox(request: APIRequestContext, amount: number, currency = "EUR") {
  let started = await request.post("/api/donations", { data: { amount, currency, locale: "en" } });
  // The gateway's cap is low in e2e (armour.spec.ts fills it); a busy answer says when to come back.
  for (let tries = 0; started.status() === 503 && tries < 5; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, Number(started.headers()["retry-after"] ?? 1) * 1000));
    started = await request.post("/api/donations", { data: { amount, currency, locale: "en" } });
  }
  if (started.status() !== 201) throw new Error(`donation start answered ${started.status()}`);
  const { id, redirectUrl } = (await started.json()) as { id: string; redirectUrl: string };
  const sessionId = redirectUrl.split("/").pop();
  const paid = await request.post(`/api/sandbox/checkout/${sessionId}`, { form: { choice: "pay" } });
  if (!paid.ok()) throw new Error(`the sandbox checkout answered ${paid.status()}`);
  return id;
}

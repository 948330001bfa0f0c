import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["en", "fr", "ar"],
  defaultLocale: "en",
  localePrefix: "always",
  // A cookie would make every page response private to one visitor and uncacheable by a CDN;
  // Accept-Language on `/` is enough to pick a language.
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

const rightToLeft: ReadonlySet<Locale> = new Set(["ar"]);

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return rightToLeft.has(locale) ? "rtl" : "ltr";
}

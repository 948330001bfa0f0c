import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { locale as rootLocale } from "next/root-params";
import { routing } from "./routing";

// The locale is the root layout's [locale] segment, which Next.js gives any server component through
// next/root-params, prerendering included: no page has to hand it to next-intl first. An explicit
// `getTranslations({ locale })` wins, for code outside the segment.
export default getRequestConfig(async ({ locale: explicit }) => {
  const requested = explicit ?? (await rootLocale());
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // Dates must not depend on the server's zone: a prerendered page is the same wherever it was built.
    timeZone: "UTC",
  };
});

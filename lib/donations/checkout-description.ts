import { createTranslator, hasLocale } from "next-intl";
import { loadMessages } from "@/i18n/load-messages";
import { routing, type Locale } from "@/i18n/routing";
import { charity } from "@/lib/campaign/charity";

// One text per locale for the life of the process (the catalog and the charity's name are fixed at start-up), so a
// donation start does not translate it again each time.
const descriptions = new Map<Locale, Promise<string>>();

async function describe(locale: Locale): Promise<string> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Checkout" });
  return t("description", { charity: charity.name });
}

/** What the hosted payment page names as the thing paid for, in the donor's language. */
export function checkoutDescription(donationLocale: string): Promise<string> {
  const locale = hasLocale(routing.locales, donationLocale) ? donationLocale : routing.defaultLocale;
  let description = descriptions.get(locale);
  if (!description) {
    description = describe(locale);
    descriptions.set(locale, description);
  }
  return description;
}

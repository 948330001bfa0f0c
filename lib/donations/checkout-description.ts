import { createTranslator, hasLocale } from "next-intl";
import { loadMessages } from "@/i18n/load-messages";
import { routing } from "@/i18n/routing";
import { charity } from "@/lib/campaign/charity";

/** What the hosted payment page names as the thing paid for, in the donor's language. */
export async function checkoutDescription(donationLocale: string): Promise<string> {
  const locale = hasLocale(routing.locales, donationLocale) ? donationLocale : routing.defaultLocale;
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Checkout" });
  return t("description", { charity: charity.name });
}

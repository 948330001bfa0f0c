import type { Locale } from "@/i18n/routing";
import type messages from "@/messages/en.json";

/** A locale's catalog, for code that runs outside a page (route handlers) and so has no request locale. */
export async function loadMessages(locale: Locale): Promise<typeof messages> {
  return (await import(`@/messages/${locale}.json`)).default;
}

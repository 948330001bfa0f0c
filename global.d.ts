import type messages from "./messages/en.json";
import type { routing } from "./i18n/routing";

// Message keys and their arguments are checked against the English catalog.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}

import type messages from "./messages/en.json";
import type { routing } from "./i18n/routing";
// The augmentation below takes effect only once next-intl's own declarations are loaded; importing them here keeps
// keys checked in a file that uses only `next-intl/server`, whatever else the program happens to import.
import type {} from "next-intl";

// Message keys and their arguments are checked against the English catalog.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}

import { getTranslations } from "next-intl/server";
import { DonationsPausedNotice } from "./donations-paused-notice";

// The text is rendered on the server into the static page, so the client part needs no message catalog.
export async function DonationsStatusNotice() {
  const t = await getTranslations("DonationStatusNotice");
  return <DonationsPausedNotice message={t("paused")} />;
}

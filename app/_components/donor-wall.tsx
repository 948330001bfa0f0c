import { getTranslations } from "next-intl/server";
import type { WallEntry } from "@/lib/donor-wall/latest-donors";
import { formatMoney } from "@/lib/money";

// Rendered into the prerendered home page. Messages are text nodes, so markup or a link a donor typed shows as
// the characters they typed and is never rendered or linked.
export async function DonorWall({ donors, locale }: { donors: WallEntry[]; locale: string }) {
  const t = await getTranslations("DonorWall");
  return (
    <section className="container page-section" aria-labelledby="donor-wall-title" data-testid="donor-wall">
      <h2 id="donor-wall-title">{t("title")}</h2>
      {donors.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className="donor-wall">
          {donors.map((donor, index) => (
            <li key={index} className="donor" data-testid="donor">
              <p className="donor-head">
                <bdi className="donor-name">
                  {donor.anonymous ? t("anonymous") : (donor.name ?? t("friend"))}
                </bdi>
                {donor.amount !== null && (
                  <span className="donor-amount">
                    {formatMoney(donor.amount, donor.currency, locale, { whole: true })}
                  </span>
                )}
              </p>
              {donor.message && (
                <p className="donor-message">
                  <bdi>{donor.message}</bdi>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

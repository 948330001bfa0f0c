import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: t("contactTitle") };
}

export default async function ContactPage() {
  const t = await getTranslations("ContactPage");

  return (
    <article className="container narrow page-section">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <dl className="contact-list">
        <div>
          <dt>{t("emailLabel")}</dt>
          <dd>
            <a href={`mailto:${t("email")}`} dir="ltr">
              {t("email")}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t("phoneLabel")}</dt>
          <dd>
            <a href={`tel:${t("phone").replace(/\s/g, "")}`} dir="ltr">
              {t("phone")}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t("addressLabel")}</dt>
          <dd>{t("address")}</dd>
        </div>
        <div>
          <dt>{t("hoursLabel")}</dt>
          <dd>{t("hours")}</dd>
        </div>
      </dl>
    </article>
  );
}

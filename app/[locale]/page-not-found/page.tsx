import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundContent } from "@/app/_components/not-found-content";

// The localized 404 as a whole prerendered document, one per locale. Next.js renders notFound() as an empty shell
// whose text only the browser's JavaScript fills in, and would render it per request; proxy.ts instead answers
// every unknown path under a locale with this page's HTML and status 404 (lib/http/localized-not-found.ts).
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: t("notFoundTitle"), robots: { index: false } };
}

export default function PageNotFound() {
  return <NotFoundContent />;
}

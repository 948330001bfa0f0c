// What the crowd does on launch night apart from giving: page views in the three languages, the live widget
// polling the totals, and the browser fetching the page's static assets.

const LOCALES = ["en", "fr", "ar"] as const;
const PAGES = [
  { route: "GET /[locale]", path: (locale: string) => `/${locale}`, weight: 30 },
  { route: "GET /[locale]/donate", path: (locale: string) => `/${locale}/donate`, weight: 15 },
  { route: "GET /[locale]/about", path: (locale: string) => `/${locale}/about`, weight: 5 },
];
const TOTALS_WEIGHT = 25;
const STATIC_WEIGHT = 25;

/** The _next/static files the home page links to, as a browser would fetch them. */
export async function staticAssets(baseUrl: string): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}/en`)).text();
  return [...new Set(html.match(/\/_next\/static\/[^"'\s)]+/g) ?? [])];
}

export interface BrowseRequest {
  route: string;
  path: string;
}

export function browseMix(assets: string[]): () => BrowseRequest {
  const total =
    PAGES.reduce((sum, page) => sum + page.weight, 0) + TOTALS_WEIGHT + (assets.length ? STATIC_WEIGHT : 0);
  return () => {
    let pick = Math.random() * total;
    for (const page of PAGES) {
      if ((pick -= page.weight) < 0) {
        const locale = LOCALES[Math.floor(Math.random() * LOCALES.length)];
        return { route: page.route, path: page.path(locale) };
      }
    }
    if ((pick -= TOTALS_WEIGHT) < 0) return { route: "GET /api/totals", path: "/api/totals" };
    return { route: "GET /_next/static/*", path: assets[Math.floor(Math.random() * assets.length)] };
  };
}

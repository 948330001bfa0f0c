import type { NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { hasLocale } from "next-intl";
import { routing } from "./i18n/routing";
import { localizedNotFound } from "./lib/http/localized-not-found";

const negotiateLocale = createMiddleware(routing);

// Negotiates the language for `/` and paths without a locale, and answers unknown paths under a locale with the
// prerendered localized 404. Nothing else runs it: a page that exists then costs what Next.js alone costs, and an
// API body is not buffered (up to 10 MB) for a proxy before our own body limit applies. Request ids come from
// lib/observability/request-id-hook.ts.
export default function proxy(request: NextRequest) {
  const [, first] = request.nextUrl.pathname.split("/");
  if (hasLocale(routing.locales, first)) return localizedNotFound(request, first);
  return negotiateLocale(request);
}

export const config = {
  // Next.js reads this statically, so the locales and pages are spelled out; proxy.test.ts checks them against
  // routing and app/[locale].
  matcher: [
    // `/`, and any path whose first segment is not a locale, /api, /sandbox, Next's own, or a file with an extension.
    "/",
    "/((?!(?:en|fr|ar|api|sandbox|_next|_vercel)(?:/|$))(?!.*\\..*).*)",
    // Under a locale, any path but the pages that exist (and files with an extension, which Next.js answers).
    "/((?:en|fr|ar)/(?!(?:about|contact|donate(?:/(?:success|error|busy))?)/?$)(?!.*\\..*).+)",
  ],
};

import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Negotiates the language: `/` and paths without a locale are redirected by Accept-Language. Nothing else runs it:
// a prerendered page then costs what Next.js alone costs, and an API body is not buffered (up to 10 MB) for a
// proxy before our own body limit applies. Request ids come from lib/observability/request-id-hook.ts.
export default createMiddleware(routing);

export const config = {
  // `/`, and any path whose first segment is not a locale, /api, /sandbox, Next's own, or a file with an extension.
  // Next.js reads this statically, so the locales are spelled out; proxy.test.ts checks them against routing.
  matcher: ["/", "/((?!(?:en|fr|ar|api|sandbox|_next|_vercel)(?:/|$))(?!.*\\..*).*)"],
};

import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Only negotiates the language: `/` and paths without a locale are redirected by Accept-Language.
export default createMiddleware(routing);

export const config = {
  // Everything except API routes, the simulated gateway, Next's assets and files with an extension.
  matcher: ["/((?!api|sandbox|_next|_vercel|.*\\..*).*)"],
};

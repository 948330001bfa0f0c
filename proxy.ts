import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { REQUEST_ID_HEADER, requestIdFrom } from "./lib/observability/request-id";

const negotiateLocale = createMiddleware(routing);

// Pages: negotiates the language (`/` and paths without a locale are redirected by Accept-Language). Everything:
// names the request, passing the id to the handler and back to the client, so a donor's report matches our logs.
export default function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const isPage = !/^\/(api|sandbox)(\/|$)/.test(request.nextUrl.pathname);
  let response: NextResponse;
  if (isPage) {
    response = negotiateLocale(request);
  } else {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Everything except Next's assets and files with an extension.
  matcher: ["/((?!_next|_vercel|.*\\..*).*)"],
};

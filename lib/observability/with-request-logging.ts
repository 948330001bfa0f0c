import { toErrorResponse } from "@/lib/api/errors";
import { responseSecurityHeaders } from "@/lib/http/response-security-headers";
import { logger } from "./logger";
import { runWithRequestId } from "./request-context";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

type Handler<C> = (request: Request, context: C) => Response | Promise<Response>;
// Next.js always passes the context; tests of handlers without params may leave it out.
type WrappedHandler<C> = (request: Request, context?: C) => Promise<Response>;

/**
 * The one wrapper of every route handler that runs per request: it names the request (keeping an id a proxy in
 * front already gave it), so every log line the handler writes carries the id and the client gets it back in
 * X-Request-Id; it turns whatever the handler throws into our JSON error (unexpected ones reported to Sentry, hidden
 * behind a 500); it writes one line per request with the outcome; and it sets the security headers. Handlers
 * therefore hold no try/catch of their own for the API's errors.
 */
export function withRequestLogging<C = unknown>(route: string, handler: Handler<C>): WrappedHandler<C> {
  return (request, context) => {
    const requestId = requestIdFrom(request.headers);
    return runWithRequestId(requestId, async () => {
      const started = performance.now();
      let response: Response;
      try {
        response = await handler(request, context as C);
      } catch (error) {
        response = await toErrorResponse(error);
      }
      logger.info("request", {
        route,
        method: request.method,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
      });
      return withRequestId(response, requestId);
    });
  };
}

// The security headers too: the hottest routes get them from here rather than from next.config.ts
// (ROUTES_SETTING_OWN_HEADERS), and on the others they repeat what the config sets.
function stamp(headers: Headers, requestId: string) {
  for (const { key, value } of responseSecurityHeaders) headers.set(key, value);
  headers.set(REQUEST_ID_HEADER, requestId);
}

function withRequestId(response: Response, requestId: string): Response {
  try {
    stamp(response.headers, requestId);
    return response;
  } catch {
    // Headers of a Response.redirect() are immutable: copy it.
    const headers = new Headers(response.headers);
    stamp(headers, requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

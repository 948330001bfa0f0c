import { logger } from "./logger";
import { runWithRequestId } from "./request-context";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

type Handler = (request: Request) => Promise<Response>;

/**
 * Wraps a route handler: every log line it writes carries the request id (set by proxy.ts, or made here), the
 * response returns it in X-Request-Id, and one line records the outcome.
 */
export function withRequestLogging(route: string, handler: Handler): Handler {
  return async (request) => {
    const requestId = requestIdFrom(request.headers);
    return runWithRequestId(requestId, async () => {
      const started = performance.now();
      const response = await handler(request);
      const headers = new Headers(response.headers);
      headers.set(REQUEST_ID_HEADER, requestId);
      logger.info("request", {
        route,
        method: request.method,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
      });
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    });
  };
}

import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

// Prerendered pages run none of our code, yet a donor's report ("the page said…") must still match a log line of
// the server or CDN in front. This hook names every request as it arrives, before Next.js sees it, and returns the
// id on the response: route handlers read the same id from the request (see with-request-logging.ts). It costs
// one random UUID per request, where running proxy.ts for it cost a middleware pass.
const installed = Symbol.for("surge.requestIdHook");

export function installRequestIdHook() {
  const prototype = Server.prototype as Server & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      const response = args[1] as ServerResponse;
      const presented = request.headers[REQUEST_ID_HEADER];
      const requestId = requestIdFrom(
        new Headers(typeof presented === "string" ? { [REQUEST_ID_HEADER]: presented } : {}),
      );
      request.headers[REQUEST_ID_HEADER] = requestId;
      response.setHeader(REQUEST_ID_HEADER, requestId);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof prototype.emit;
}

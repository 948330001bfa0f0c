import { Server, type IncomingMessage } from "node:http";

// Next.js gives route handlers no socket, and `next start` only fills X-Forwarded-For when the client has not
// sent one, so neither tells us who is really connected. This hook stamps the socket's address on every incoming
// request under a header of our own, overwriting anything a client sent under that name. Installed once from
// instrumentation.ts, before Next handles the first request.
export const PEER_ADDRESS_HEADER = "x-surge-peer-address";

const installed = Symbol.for("surge.peerAddressHook");

export function installPeerAddressHook() {
  const prototype = Server.prototype as Server & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof prototype.emit;
}

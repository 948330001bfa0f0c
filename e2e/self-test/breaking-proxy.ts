import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Changes one response of the site on its way to the browser, or returns undefined to pass it through as it is. */
export type Breakage = (
  path: string,
  response: { status: number; contentType: string; body: string },
) => { status: number; body: string } | undefined;

// Hop-by-hop headers, and those that describe the upstream body (fetch has already decompressed it).
const DROPPED = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-encoding",
  "content-length",
]);

/**
 * An HTTP server in front of a real Surge that serves everything as the real one does except what `breakage`
 * changes: a deployment with one fault in it, for the end-to-end suite to be pointed at.
 */
export async function startBreakingProxy(upstream: string, breakage: Breakage) {
  const server = createServer((request, response) => {
    forward(request, response).catch((error: Error) => {
      response.writeHead(502, { "content-type": "text/plain" });
      response.end(`the breaking proxy could not reach ${upstream}: ${error.message}`);
    });
  });

  async function forward(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.entries(request.headers).flatMap(([name, value]) =>
      name === "host" || value === undefined ? [] : [[name, String(value)] as [string, string]],
    );
    const answer = await fetch(new URL(request.url!, upstream), {
      method: request.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
      redirect: "manual",
    });
    const body = Buffer.from(await answer.arrayBuffer());
    const contentType = answer.headers.get("content-type") ?? "";
    const changed = breakage(new URL(request.url!, upstream).pathname, {
      status: answer.status,
      contentType,
      body: contentType.startsWith("text/") ? body.toString("utf8") : "",
    });
    const outgoing: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!DROPPED.has(name)) outgoing[name] = value;
    });
    response.writeHead(changed?.status ?? answer.status, outgoing);
    response.end(changed ? changed.body : body);
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

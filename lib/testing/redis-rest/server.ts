import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ErrorReply } from "redis";
import { CommandError, parseCommand, parseCommandList } from "./command";
import { connectRedis, RedisUnavailableError } from "./redis-connection";
import { errorMessage } from "./reply";

// A local stand-in for Upstash's REST API in front of a real Redis, so @upstash/redis and @upstash/ratelimit run
// unchanged in development and tests (Upstash's own local server is a Docker image, which does not run here).
export type RedisRestServerOptions = { redisUrl: string; token: string; host?: string; port?: number };
export type RedisRestServer = { url: string; close(): Promise<void> };

const MAX_BODY_BYTES = 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function isAuthorized(request: IncomingMessage, token: string): boolean {
  const presented = Buffer.from(request.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "ERR request body is too large");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "ERR failed to parse request body as JSON");
  }
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function startRedisRestServer(options: RedisRestServerOptions): Promise<RedisRestServer> {
  const redis = await connectRedis(options.redisUrl, (error) => {
    console.error(JSON.stringify({ level: "warn", event: "redis_rest.redis_error", message: error.message }));
  });

  const server = createServer(async (request, response) => {
    try {
      if (!isAuthorized(request, options.token)) return send(response, 401, { error: "Unauthorized" });
      if (request.method !== "POST") throw new HttpError(405, "ERR only POST is supported");
      const base64 = request.headers["upstash-encoding"] === "base64";
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      const body = await readJson(request);
      if (path === "/") {
        const reply = await redis.run(parseCommand(body), base64);
        return send(response, "error" in reply ? 400 : 200, reply);
      }
      if (path === "/pipeline")
        return send(response, 200, await redis.pipeline(parseCommandList(body), base64));
      if (path === "/multi-exec")
        return send(response, 200, await redis.transaction(parseCommandList(body), base64));
      throw new HttpError(404, `ERR unknown endpoint ${path}`);
    } catch (error) {
      if (error instanceof HttpError) return send(response, error.status, { error: error.message });
      if (error instanceof CommandError || error instanceof ErrorReply)
        return send(response, 400, { error: error.message });
      if (error instanceof RedisUnavailableError)
        return send(response, 503, { error: `ERR Redis is unavailable: ${error.message}` });
      send(response, 500, { error: `ERR ${errorMessage(error)}` });
    }
  });

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await redis.close();
    },
  };
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { atFixedRate } from "./arrivals";

// The fixed-rate client against a server that resets connections: a request lost to a kept-alive connection the
// server dropped is sent again, as a browser sends it; any other reset is an error the benchmark reports.
describe("atFixedRate", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function listen(handler: http.RequestListener): Promise<string> {
    server = http.createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("sends again, once, a request whose kept-alive connection was reset before any answer", async () => {
    const served = new WeakMap<object, number>();
    let resets = 0;
    const url = await listen((request, response) => {
      const count = (served.get(request.socket) ?? 0) + 1;
      served.set(request.socket, count);
      // Every connection is dropped on its second request, unread: the race a server's keepAliveTimeout can cause.
      if (count === 2) {
        resets++;
        request.socket.resetAndDestroy();
        return;
      }
      response.end("ok");
    });
    const result = await atFixedRate({
      url,
      request: { path: "/" },
      rate: 100,
      seconds: 0.5,
      connections: 2,
    });
    expect(resets).toBeGreaterThan(0);
    expect(result).toMatchObject({ total: 50, failures: 0, statuses: { "200": 50 } });
  });

  it("counts a reset on a new connection as an error", async () => {
    const url = await listen((request) => request.socket.resetAndDestroy());
    const result = await atFixedRate({ url, request: { path: "/" }, rate: 50, seconds: 0.2, connections: 2 });
    expect(result).toMatchObject({ total: 10, failures: 10, statuses: { error: 10 } });
  });
});

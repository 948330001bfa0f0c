import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { installPeerAddressHook } from "./peer-address-hook";

// A real HTTP server and real sockets: what a route handler would see as the client's address.
let server: Server;
let url: string;

beforeAll(async () => {
  installPeerAddressHook();
  server = createServer((request, response) => {
    const headers = new Headers(request.headers as Record<string, string>);
    response.end(clientAddress(headers, null));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("installPeerAddressHook", () => {
  it("stamps the socket's address, whatever forwarding or peer header the client forged", async () => {
    const response = await fetch(url, {
      headers: { "X-Forwarded-For": "192.0.2.1", "X-Surge-Peer-Address": "192.0.2.2" },
    });
    expect(await response.text()).toBe("127.0.0.1");
  });
});

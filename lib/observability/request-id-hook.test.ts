import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installRequestIdHook } from "./request-id-hook";

describe("installRequestIdHook", () => {
  it("names every request before the app sees it and returns the same id, keeping one a proxy already gave", async () => {
    installRequestIdHook();
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(String(request.headers["x-request-id"]));
      response.end("page bytes");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const fresh = await fetch(`${base}/en`);
      const forwarded = await fetch(`${base}/en`, { headers: { "X-Request-Id": "edge-1234abcd" } });
      const hostile = await fetch(`${base}/en`, { headers: { "X-Request-Id": "bad id with spaces" } });

      expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(forwarded.headers.get("x-request-id")).toBe("edge-1234abcd");
      expect(hostile.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen).toEqual(
        [fresh, forwarded, hostile].map((response) => response.headers.get("x-request-id")),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

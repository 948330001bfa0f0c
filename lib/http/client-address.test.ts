import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, UNKNOWN_CLIENT } from "./client-address";
import { PEER_ADDRESS_HEADER } from "./peer-address-hook";

const request = (peer: string | null, forwardedFor?: string) => {
  const headers = new Headers();
  if (peer !== null) headers.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  return headers;
};

describe("clientAddress", () => {
  const proxies = parseTrustedProxies("10.0.0.0/8, 127.0.0.1");

  it.each([
    ["the connection without a trusted proxy", null, "198.51.100.7", undefined, "198.51.100.7"],
    [
      "the connection, ignoring a spoofed X-Forwarded-For",
      null,
      "198.51.100.7",
      "203.0.113.1",
      "198.51.100.7",
    ],
    ["the connection when it is not a trusted proxy", proxies, "198.51.100.7", "203.0.113.1", "198.51.100.7"],
    ["the hop a trusted proxy appended", proxies, "10.1.2.3", "203.0.113.1", "203.0.113.1"],
    [
      "the right-most untrusted hop, not what the client wrote",
      proxies,
      "10.1.2.3",
      "1.1.1.1, 203.0.113.1, 10.9.9.9",
      "203.0.113.1",
    ],
    ["the IPv4 address of a dual-stack socket", null, "::ffff:198.51.100.7", undefined, "198.51.100.7"],
    ["the proxy itself when the header holds no address", proxies, "127.0.0.1", "garbage", "127.0.0.1"],
    ["a shared unknown key when the connection is not known", null, null, "203.0.113.1", UNKNOWN_CLIENT],
  ])("returns %s", (_case, trusted, peer, forwardedFor, expected) => {
    expect(clientAddress(request(peer, forwardedFor), trusted)).toBe(expected);
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and CIDR ranges of both families", () => {
    const list = parseTrustedProxies("192.168.0.0/16,::1,fd00::/8");
    expect(list?.check("192.168.4.4", "ipv4")).toBe(true);
    expect(list?.check("fd12::1", "ipv6")).toBe(true);
    expect(list?.check("8.8.8.8", "ipv4")).toBe(false);
  });

  it("refuses an entry that is not an address", () => {
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/TRUST_PROXY/);
  });

  it("trusts nobody when unset", () => {
    expect(parseTrustedProxies(undefined)).toBeNull();
  });
});

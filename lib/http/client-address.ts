import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "./peer-address-hook";
import { parseProxyList, type ProxyList } from "./proxy-list";

/** Used when the connection's address is not known (the hook is missing): everyone shares one limit, none escapes it. */
export const UNKNOWN_CLIENT = "unknown";

// "::ffff:203.0.113.9" is the IPv4 client 203.0.113.9 on a dual-stack socket; both spellings must count as one.
function normalize(address: string | null | undefined): string | null {
  const trimmed = address?.trim().replace(/^\[(.*)\]$/, "$1") ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const value = mapped ? mapped[1] : trimmed.toLowerCase();
  return isIP(value) ? value : null;
}

/** A BlockList of the proxies in front of us, from TRUST_PROXY's entries (a setting string or already parsed). */
export function parseTrustedProxies(setting: string | ProxyList | undefined): BlockList | null {
  if (!setting) return null;
  let entries: ProxyList;
  try {
    entries = typeof setting === "string" ? parseProxyList(setting) : setting;
  } catch (error) {
    throw new Error(`TRUST_PROXY: ${(error as Error).message}`);
  }
  const list = new BlockList();
  for (const { address, family, prefix } of entries) {
    if (prefix === null) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) =>
  list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The address a request came from: the connection's, unless that connection is a proxy TRUST_PROXY names. Then
 * X-Forwarded-For is read from the right (each proxy appends the address it saw), skipping trusted proxies; the
 * left part of the header is whatever the client wrote, so it is never believed.
 */
export function clientAddress(headers: Headers, trusted: BlockList | null = defaultTrusted()): string {
  const peer = normalize(headers.get(PEER_ADDRESS_HEADER));
  if (!peer) return UNKNOWN_CLIENT;
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map(normalize);
  for (let index = chain.length - 1; index >= 0; index--) {
    const hop = chain[index];
    if (!hop) break;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return peer;
}

let cachedTrusted: BlockList | null | undefined;
function defaultTrusted(): BlockList | null {
  if (cachedTrusted === undefined) cachedTrusted = parseTrustedProxies(env.TRUST_PROXY);
  return cachedTrusted;
}

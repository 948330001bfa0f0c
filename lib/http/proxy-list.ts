// TRUST_PROXY's entries, checked strictly: a typo that parsed loosely (`10.0.0.0/` read as /0) would trust every
// peer and so believe any client's X-Forwarded-For. Plain data, so lib/env.ts can hold it.
export type ProxyEntry = { address: string; family: "ipv4" | "ipv6"; prefix: number | null };
export type ProxyList = readonly ProxyEntry[];

const PREFIX = /^(0|[1-9]\d{0,2})$/;
const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);

// Without node:net: lib/env.ts is also loaded by the edge runtime's instrumentation. The URL parser knows IPv6.
function isIP(address: string): 0 | 4 | 6 {
  if (IPV4.test(address)) return 4;
  if (!address.includes(":") || /[\[\]/%]/.test(address)) return 0;
  try {
    new URL(`http://[${address}]/`);
    return 6;
  } catch {
    return 0;
  }
}

function parseEntry(entry: string): ProxyEntry {
  const refuse = (why: string): never => {
    throw new Error(`"${entry}" ${why}`);
  };
  const parts = entry.split("/");
  if (parts.length > 2) refuse("is not an IP address or CIDR range");
  const [address, bits] = parts;
  const version = isIP(address);
  if (version === 0) refuse("is not an IP address or CIDR range");
  const family = version === 6 ? "ipv6" : "ipv4";
  if (bits === undefined) return { address, family, prefix: null };
  const max = family === "ipv6" ? 128 : 32;
  if (!PREFIX.test(bits) || Number(bits) > max) refuse(`has no valid prefix length (0-${max}) after "/"`);
  return { address, family, prefix: Number(bits) };
}

/** Comma-separated addresses or CIDR ranges, e.g. "10.0.0.0/8,127.0.0.1"; throws naming the first bad entry. */
export function parseProxyList(setting: string): ProxyList {
  const entries = setting.split(",").map((part) => part.trim());
  if (entries.some((entry) => entry === "")) throw new Error(`"${setting}" has an empty entry`);
  return entries.map(parseEntry);
}

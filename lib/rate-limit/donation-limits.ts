import { createHmac, createSecretKey, hkdfSync } from "node:crypto";
import { isIPv6 } from "node:net";
import { env, secrets, siteDonationStartsPerMinute } from "@/lib/env";
import { createLimiter, type LimitResult } from "./index";
import { normalizeEmail } from "./normalize-email";

// Card testers try many cards from one address, or rotate addresses and reuse an email: both are limited. Someone
// holding a whole IPv6 /48 (65,536 /64s) is held by a coarser tier, and a botnet rotating everything by the
// site-wide limit, which trips while the gateway's own cap still has room for real donors.
const perClient = createLimiter("donation-start:client", {
  kind: "sliding-window",
  limit: env.RATE_LIMIT_DONATIONS_PER_MINUTE,
  windowSeconds: 60,
});
const perNetwork = createLimiter("donation-start:network", {
  kind: "sliding-window",
  limit: env.RATE_LIMIT_DONATIONS_PER_NETWORK_PER_MINUTE,
  windowSeconds: 60,
});
const perEmail = createLimiter("donation-start:email", {
  kind: "sliding-window",
  limit: env.RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR,
  windowSeconds: 3600,
});
const siteWide = createLimiter("donation-start:site", {
  kind: "sliding-window",
  limit: siteDonationStartsPerMinute,
  windowSeconds: 60,
});

function ipv6Groups(address: string): number[] {
  const [head, tail] = address.split("::");
  const before = head ? head.split(":") : [];
  const after = tail ? tail.split(":") : [];
  const groups = [...before, ...Array(Math.max(0, 8 - before.length - after.length)).fill("0"), ...after];
  return groups.map((group) => parseInt(group, 16));
}

const ipv6Prefix = (address: string, groups: number) =>
  `${ipv6Groups(address)
    .slice(0, groups)
    .map((group) => group.toString(16))
    .join(":")}::/${groups * 16}`;

// One IPv6 customer usually holds a whole /64: counting single addresses would let them rotate past the limit.
export function clientLimitKey(address: string): string {
  return isIPv6(address) ? ipv6Prefix(address, 4) : address;
}

/** The /48 an IPv6 address belongs to (a site's usual allocation); null for IPv4, where the client key is enough. */
export function networkLimitKey(address: string): string | null {
  return isIPv6(address) ? ipv6Prefix(address, 3) : null;
}

// Keyed, not a bare hash: a dictionary of common addresses reverses SHA-256 of an email, not an HMAC whose key
// only the site holds. The key is derived for this one purpose from SITE_SECRET.
const emailKey = createSecretKey(
  Buffer.from(hkdfSync("sha256", secrets.site, "surge", "rate-limit email key v1", 32)),
);

export function emailLimitKey(email: string): string {
  return createHmac("sha256", emailKey).update(normalizeEmail(email)).digest("hex").slice(0, 32);
}

export async function limitDonationStartsByClient(clientAddress: string): Promise<LimitResult> {
  const client = await perClient.limit(clientLimitKey(clientAddress));
  const network = networkLimitKey(clientAddress);
  if (!client.success || network === null) return client;
  return perNetwork.limit(network);
}

/**
 * Per donor per hour. A start without an email is counted under its client address instead (its /64 for IPv6),
 * so leaving the email out is no way around the hourly limit; the per-minute client limit holds either way.
 */
export function limitDonationStartsByDonor(
  email: string | undefined,
  clientAddress: string,
): Promise<LimitResult> {
  return perEmail.limit(email ? emailLimitKey(email) : `no-email:${clientLimitKey(clientAddress)}`);
}

export function limitDonationStartsSiteWide(): Promise<LimitResult> {
  return siteWide.limit("all");
}

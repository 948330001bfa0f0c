import { createHash } from "node:crypto";
import { isIPv6 } from "node:net";
import { env } from "@/lib/env";
import { createLimiter, type LimitResult } from "./index";

// Card testers try many cards from one address, or rotate addresses and reuse an email: both are limited.
const perClient = createLimiter("donation-start:client", {
  kind: "sliding-window",
  limit: env.RATE_LIMIT_DONATIONS_PER_MINUTE,
  windowSeconds: 60,
});
const perEmail = createLimiter("donation-start:email", {
  kind: "sliding-window",
  limit: env.RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR,
  windowSeconds: 3600,
});

// One IPv6 customer usually holds a whole /64: counting single addresses would let them rotate past the limit.
export function clientLimitKey(address: string): string {
  if (!isIPv6(address)) return address;
  const [head, tail] = address.split("::");
  const before = head ? head.split(":") : [];
  const after = tail ? tail.split(":") : [];
  const groups = [...before, ...Array(Math.max(0, 8 - before.length - after.length)).fill("0"), ...after];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

// Emails are hashed: the limiter's keys must not become a list of donors' addresses.
export function emailLimitKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
}

export function limitDonationStartsByClient(clientAddress: string): Promise<LimitResult> {
  return perClient.limit(clientLimitKey(clientAddress));
}

export function limitDonationStartsByEmail(email: string): Promise<LimitResult> {
  return perEmail.limit(emailLimitKey(email));
}

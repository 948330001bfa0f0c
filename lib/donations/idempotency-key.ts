import { createHmac, createSecretKey, hkdfSync } from "node:crypto";
import { secrets } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { clientLimitKey } from "@/lib/rate-limit/donation-limits";

// Keys are the client's, not global: stored as an HMAC of the key and the client's address (its /64 for IPv6), so
// a key seen elsewhere cannot replay another donor's donation and its checkout link. A donor whose address changes
// between two tries gets a second donation; the unpaid one expires.
const scopeKey = createSecretKey(
  Buffer.from(hkdfSync("sha256", secrets.site, "surge", "idempotency key scope v1", 32)),
);

export function scopeIdempotencyKey(key: string | undefined, request: Request): string | undefined {
  if (key === undefined) return undefined;
  const client = clientLimitKey(clientAddress(request.headers));
  return createHmac("sha256", scopeKey).update(`${client}\n${key}`).digest("hex");
}

/**
 * How long a donation may sit without its checkout before its key is freed: past every deadline of the request
 * that created it (the gateway's 10 s, the database's 15 s), so that request has certainly given up.
 */
export const STALLED_START_SECONDS = 60;

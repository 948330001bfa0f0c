import { createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/errors";

export const SIGNATURE_HEADER = "sandbox-signature";
/** Older (or future) signatures are refused, so a captured callback cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

function hmacHex(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, like Stripe-Signature. */
export function signPayload(
  secret: string,
  rawBody: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } {
  let timestamp = NaN;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value = ""] = part.trim().split("=", 2);
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Several v1 entries are allowed, as during a secret rotation.
    if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return { timestamp, signatures };
}

export function verifySignature(
  secret: string,
  rawBody: string,
  header: string | null,
  now = Date.now(),
): void {
  if (!header) throw new ApiError("invalid_signature", "missing signature");
  const { timestamp, signatures } = parseHeader(header);
  if (!Number.isFinite(timestamp) || signatures.length === 0) {
    throw new ApiError("invalid_signature", "malformed signature header");
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), "hex");
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature, "hex"), expected));
  if (!matches) throw new ApiError("invalid_signature", "signature does not match");
  // Only a genuinely signed event is told it is stale; a forged one is refused as unsigned, whatever its time.
  if (Math.abs(now / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    throw new ApiError("stale_event", "signature timestamp is outside the tolerance");
  }
}

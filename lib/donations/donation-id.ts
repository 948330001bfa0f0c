import { createHmac, createSecretKey, hkdfSync, timingSafeEqual } from "node:crypto";
import { pooledRandomBytes } from "@/lib/crypto/pooled-random-bytes";
import { secrets } from "@/lib/env";

// 128 random bits, so an id cannot be guessed, followed by a 64-bit tag only this site can compute: a link to the
// success page or the gateway's return with an id we never issued is refused without a database query, however
// many a script invents.
const RANDOM_BYTES = 16;
const TAG_BYTES = 8;
const ID_PATTERN = /^don_[A-Za-z0-9_-]{32}$/;
const tagKey = createSecretKey(
  Buffer.from(hkdfSync("sha256", secrets.site, "surge", "donation id tag v1", 32)),
);

const tagOf = (random: Buffer) => createHmac("sha256", tagKey).update(random).digest().subarray(0, TAG_BYTES);

export function newDonationId(): string {
  const random = pooledRandomBytes(RANDOM_BYTES);
  return `don_${Buffer.concat([random, tagOf(random)]).toString("base64url")}`;
}

/** Whether this site issued the id (checked in constant time, without the database). */
export function isIssuedDonationId(id: unknown): id is string {
  if (typeof id !== "string" || !ID_PATTERN.test(id)) return false;
  const raw = Buffer.from(id.slice(4), "base64url");
  if (raw.length !== RANDOM_BYTES + TAG_BYTES) return false;
  return timingSafeEqual(raw.subarray(RANDOM_BYTES), tagOf(raw.subarray(0, RANDOM_BYTES)));
}

import { randomBytes } from "node:crypto";

/** 128 random bits: the success page finds a donation by this id, so it must not be guessable. */
export function newDonationId(): string {
  return `don_${randomBytes(16).toString("base64url")}`;
}

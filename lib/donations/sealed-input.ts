import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";
import { secrets } from "@/lib/env";

// A donor sent to the "try again" page keeps what they typed. It travels in the page's URL, so it is encrypted and
// authenticated: no email in access logs or browser history in clear, and nobody can forge an amount into a
// retry. The key is derived from the webhook secret (a different purpose label gives an unrelated key), so every
// instance can open what another sealed.
const MAX_AGE_MS = 30 * 60 * 1000;
const key = Buffer.from(hkdfSync("sha256", secrets.paymentWebhook, "surge", "donation retry input v1", 32));

const sealedInputSchema = z.object({
  amount: z.number().int().positive(),
  currency: z.string(),
  locale: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  anonymous: z.boolean(),
  sealedAt: z.number(),
});

export type RetryInput = Omit<z.infer<typeof sealedInputSchema>, "sealedAt">;

export function sealRetryInput(input: RetryInput, now = Date.now()): string {
  const { amount, currency, locale, name, email, anonymous } = input;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const plain = JSON.stringify({ amount, currency, locale, name, email, anonymous, sealedAt: now });
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The input, or null when the token is damaged, forged or too old. */
export function openRetryInput(token: string | undefined, now = Date.now()): RetryInput | null {
  if (!token || token.length > 4096) return null;
  try {
    const raw = Buffer.from(token, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const { sealedAt, ...input } = sealedInputSchema.parse(JSON.parse(plain));
    return now - sealedAt <= MAX_AGE_MS ? input : null;
  } catch {
    return null;
  }
}

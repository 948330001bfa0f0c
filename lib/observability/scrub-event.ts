import type { ErrorEvent } from "@sentry/nextjs";

// Donor names, emails and IP addresses must never reach error tracking. Known fields are dropped outright; any
// email or IP left in free text (an exception message, a breadcrumb, a URL) is masked. Runs in the browser too.
// Bounded parts (RFC 5321's 64-character local part, 255-character domain) keep each match attempt short, and
// strings are cut to MAX_SCRUBBED_LENGTH first: 16,000 characters without "@" once took the unbounded pattern
// about 0.4 s, an easy way to stall error reporting with one long input.
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\b|::ffff:[0-9.]+/gi;
const PERSONAL_KEYS =
  /^(name|donorname|email|donoremail|ip|ip_address|x-forwarded-for|x-real-ip|x-surge-peer-address|forwarded|cookie|authorization)$/i;

/** Longer strings are cut before scrubbing; an error report needs the start of a text, not all of it. */
export const MAX_SCRUBBED_LENGTH = 4096;
const TRUNCATED = "…[truncated]";

export function scrubText(text: string): string {
  const capped = text.length > MAX_SCRUBBED_LENGTH ? text.slice(0, MAX_SCRUBBED_LENGTH) + TRUNCATED : text;
  return capped.replace(EMAIL, "[email]").replace(IPV6, "[ip]").replace(IPV4, "[ip]");
}

/** A copy with personal keys dropped and emails and IPs masked in every string. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (depth > 12 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const clean: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!PERSONAL_KEYS.test(key)) clean[key] = scrub(item, depth + 1);
  }
  return clean;
}

export function scrubEvent<T extends ErrorEvent>(event: T): T {
  const cleaned = scrub(event) as T;
  // The SDK would otherwise fill the user's IP in on the server side of Sentry.
  cleaned.user = { ip_address: undefined };
  if (cleaned.request) delete cleaned.request.data;
  return cleaned;
}

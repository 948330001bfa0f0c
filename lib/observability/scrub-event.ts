import type { ErrorEvent } from "@sentry/nextjs";

// Donor names, emails and IP addresses must never reach error tracking. Known fields are dropped outright; any
// email or IP left in free text (an exception message, a breadcrumb, a URL) is masked. Runs in the browser too.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\b|::ffff:[0-9.]+/gi;
const PERSONAL_KEYS =
  /^(name|donorname|email|donoremail|ip|ip_address|x-forwarded-for|x-real-ip|x-surge-peer-address|forwarded|cookie|authorization)$/i;

export function scrubText(text: string): string {
  return text.replace(EMAIL, "[email]").replace(IPV6, "[ip]").replace(IPV4, "[ip]");
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

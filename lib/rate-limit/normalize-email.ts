// Providers that deliver "a.da+news@gmail.com" to "ada@gmail.com": one donor, so one count. Sub-addresses (+tag)
// are dropped for every domain (most providers deliver them to the same box, and a limit may over-count, never
// under-count); dots are dropped only where the provider ignores them.
const DOTS_IGNORED = new Set(["gmail.com"]);
const DOMAIN_ALIASES: Record<string, string> = { "googlemail.com": "gmail.com" };

/** The form of an email that the per-donor limit counts: lower case, no +tag, no dots where they mean nothing. */
export function normalizeEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at <= 0) return lower;
  let local = lower.slice(0, at).split("+")[0];
  const rawDomain = lower.slice(at + 1).replace(/\.$/, "");
  const domain = DOMAIN_ALIASES[rawDomain] ?? rawDomain;
  if (DOTS_IGNORED.has(domain)) local = local.replaceAll(".", "");
  return `${local || lower.slice(0, at)}@${domain}`;
}

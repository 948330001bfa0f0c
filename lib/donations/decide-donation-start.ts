import { routing, type Locale } from "@/i18n/routing";
import { assertDonationsOpen } from "@/lib/donations-pause/assert-donations-open";
import { assertSameOrigin } from "@/lib/http/same-origin";
import {
  assertClientWithinLimit,
  assertEmailWithinLimit,
  assertSiteWithinLimit,
} from "@/lib/rate-limit/enforce-donation-limits";
import { withDatabase } from "@/lib/resilience/database-guard";
import { validateDonationInput, type DonationInput } from "./donation-input";
import { assertHoneypotEmpty } from "./honeypot";
import { scopeIdempotencyKey } from "./idempotency-key";
import { isFormPost, parseDonationRequest, readIdempotencyKey } from "./parse-donation-request";
import { startDonation, type StartedDonation } from "./start-donation";

export type DonationStartResult =
  | { ok: true; donation: StartedDonation }
  /** `input` is what the donor sent, once it is valid: a refusal that means "not now" offers it again. */
  | { ok: false; error: unknown; input?: DonationInput };

export interface DonationStartDecision {
  /** The no-JavaScript form, answered with pages rather than JSON. */
  fromForm: boolean;
  /** The locale the body names once it is read, so even a refusal is answered in the donor's language. */
  locale: Locale;
  result: DonationStartResult;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Everything that decides whether a donation starts, in the order that matters:
 * 1. Origin, Idempotency-Key and body are read first: nothing else runs for a request we cannot even read.
 * 2. The per-address limit comes before validation, so a card tester's malformed bursts are counted too.
 * 3. Validation, then the honeypot: a bot gets the same refusal a rate limit gives, and nothing is stored.
 * 4. The pause is checked after validation, so a paused donor is sent to the retry page with their input kept.
 * 5. The per-donor limit needs a valid email (or none: then the address counts), then the site-wide limit;
 *    then the donation is recorded and its checkout opened. The Idempotency-Key is scoped to the client.
 */
export async function decideDonationStart(request: Request): Promise<DonationStartDecision> {
  const fromForm = isFormPost(request);
  const refused = (locale: Locale, error: unknown, input?: DonationInput): DonationStartDecision => ({
    fromForm,
    locale,
    result: { ok: false, error, input },
  });

  const read = await attempt(async () => {
    assertSameOrigin(request);
    const idempotencyKey = scopeIdempotencyKey(readIdempotencyKey(request), request);
    return { idempotencyKey, ...(await parseDonationRequest(request)) };
  });
  if (!read.ok) return refused(routing.defaultLocale, read.error);
  const { locale, fields, idempotencyKey } = read.value;

  const valid = await attempt(async () => {
    await assertClientWithinLimit(request);
    return validateDonationInput(fields, locale);
  });
  if (!valid.ok) return refused(locale, valid.error);
  const input = valid.value;

  const started = await attempt(async () => {
    assertHoneypotEmpty(input);
    await assertDonationsOpen();
    await assertEmailWithinLimit(input.email, request);
    await assertSiteWithinLimit();
    return withDatabase(() => startDonation(input, { idempotencyKey }));
  });
  if (!started.ok) return refused(locale, started.error, input);
  return { fromForm, locale, result: { ok: true, donation: started.value } };
}

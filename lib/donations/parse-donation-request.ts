import { ApiError } from "@/lib/api/errors";
import { campaign } from "@/lib/campaign/config";
import { readBody, DONATION_BODY_LIMIT_BYTES } from "@/lib/http/read-body";
import { hasLocale } from "next-intl";
import { routing, type Locale } from "@/i18n/routing";
import { parseMajorUnits } from "@/lib/money";

export interface DonationRequest {
  /** The no-JavaScript form: answered with redirects rather than JSON. */
  fromForm: boolean;
  /** The locale the body names, if it names a valid one: errors are then answered in it. */
  locale: Locale;
  fields: Record<string, unknown>;
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/** The form sends strings: a preset amount in minor units, or "custom" with what the donor typed in major units. */
function fieldsFromForm(form: URLSearchParams): Record<string, unknown> {
  const field = (name: string) => form.get(name) ?? undefined;
  const choice = field("amount");
  let amount: unknown = choice;
  if (choice === "custom") {
    const typed = field("customAmount")?.trim();
    amount = typed ? (parseMajorUnits(typed, campaign.currency) ?? typed) : undefined;
  } else if (choice !== undefined && /^\d{1,9}$/.test(choice)) {
    amount = Number(choice);
  }
  // A checkbox sends "true" (or "on") when ticked and nothing otherwise; anything else is passed on to be refused.
  const checkbox = (name: string) => {
    const value = field(name);
    return value === undefined ? false : value === "true" || value === "on" ? true : value;
  };
  const anonymous = field("anonymous");
  return {
    amount,
    currency: field("currency"),
    locale: field("locale"),
    name: field("name"),
    email: field("email"),
    anonymous:
      anonymous === undefined ? false : anonymous === "true" || anonymous === "on" ? true : anonymous,
    website: field("website"),
    message: field("message"),
    showAmount: checkbox("showAmount"),
    coverFees: checkbox("coverFees"),
  };
}

function fieldsFromJson(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ApiError("bad_request", "the body is not valid JSON", { cause: error });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError("bad_request", "the body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** A post from the no-JavaScript form, which is answered with redirects to pages rather than JSON. */
export function isFormPost(request: Request): boolean {
  return mediaType(request) === "application/x-www-form-urlencoded";
}

/** Reads a donation start from JSON or the HTML form, within the body size limit. Does not validate the fields. */
export async function parseDonationRequest(request: Request): Promise<DonationRequest> {
  const fromForm = isFormPost(request);
  if (!fromForm && mediaType(request) !== "application/json") throw new ApiError("unsupported_media_type");
  const text = await readBody(request, { maxBytes: DONATION_BODY_LIMIT_BYTES });
  const fields = fromForm ? fieldsFromForm(new URLSearchParams(text)) : fieldsFromJson(text);
  const locale = hasLocale(routing.locales, fields.locale) ? fields.locale : routing.defaultLocale;
  return { fromForm, locale, fields };
}

/** Optional; a client that sends one must send something usable. */
export function readIdempotencyKey(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw new ApiError("bad_request", "Idempotency-Key must be 1-255 visible ASCII characters");
  return key;
}

import { createTranslator } from "next-intl";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { loadMessages } from "@/i18n/load-messages";
import { campaign } from "@/lib/campaign/config";
import { routing, type Locale } from "@/i18n/routing";
import { formatMoney } from "@/lib/money";
import { DONOR_NAME_MAX_LENGTH, MESSAGE_MAX_LENGTH } from "./field-limits";

// Issue messages are keys of the "DonationForm" catalog, so the API and the form say the same thing.
type FieldMessageKey =
  | "amountRequired"
  | "amountInvalid"
  | "amountTooSmall"
  | "amountTooLarge"
  | "nameTooLong"
  | "emailInvalid"
  | "messageTooLong"
  | "textInvalid"
  | "fieldInvalid";

const key = (name: FieldMessageKey) => ({ error: name });

/** Blank text is absent text: an empty name box means "no name". */
const trimmed = (value: unknown) =>
  typeof value === "string" ? (value.trim() === "" ? undefined : value.trim()) : value;

// C0 and C1 control characters (NUL among them, which PostgreSQL refuses in text) and lone surrogates (not
// encodable as UTF-8) have no place in a name or an email: refused with a message naming the field, never a 500.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const isPlainText = (value: string) => !CONTROL_CHARACTER.test(value) && value.isWellFormed();
const text = () => z.string(key("fieldInvalid")).refine(isPlainText, key("textInvalid"));

export const donationInputSchema = z.object({
  amount: z
    .number({ error: (issue) => (issue.input === undefined ? "amountRequired" : "amountInvalid") })
    .int(key("amountInvalid"))
    .min(campaign.minAmount, key("amountTooSmall"))
    .max(campaign.maxAmount, key("amountTooLarge")),
  currency: z.literal(campaign.currency, key("fieldInvalid")),
  locale: z.enum(routing.locales, key("fieldInvalid")),
  name: z.preprocess(trimmed, text().max(DONOR_NAME_MAX_LENGTH, key("nameTooLong")).optional()),
  email: z.preprocess(
    trimmed,
    text()
      .pipe(z.email(key("emailInvalid")).max(254, key("emailInvalid")))
      .optional(),
  ),
  anonymous: z.boolean(key("fieldInvalid")).default(false),
  // For the donor wall: plain text only (pages render it as text, never as markup or links).
  message: z.preprocess(trimmed, text().max(MESSAGE_MAX_LENGTH, key("messageTooLong")).optional()),
  showAmount: z.boolean(key("fieldInvalid")).default(false),
  coverFees: z.boolean(key("fieldInvalid")).default(false),
  // The honeypot travels with the input; what to do with a filled one is decided by the anti-bot checks.
  website: z.preprocess(trimmed, text().max(500, key("fieldInvalid")).optional()),
});

export type DonationInput = z.infer<typeof donationInputSchema>;

async function fieldMessages(issues: z.core.$ZodIssue[], locale: Locale): Promise<Record<string, string>> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "DonationForm" });
  const money = (minor: number) => formatMoney(minor, campaign.currency, locale, { whole: true });
  const limits = { min: money(campaign.minAmount), max: money(campaign.maxAmount) };
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "body");
    const message = issue.message as FieldMessageKey;
    fields[field] ??=
      message === "nameTooLong"
        ? t(message, { max: DONOR_NAME_MAX_LENGTH })
        : message === "messageTooLong"
          ? t(message, { max: MESSAGE_MAX_LENGTH })
          : t(message, limits);
  }
  return fields;
}

/** Validates a parsed body; throws validation_failed with a localized message per field. */
export async function validateDonationInput(
  raw: Record<string, unknown>,
  locale: Locale,
): Promise<DonationInput> {
  const result = donationInputSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ApiError("validation_failed", "invalid donation", {
    fields: await fieldMessages(result.error.issues, locale),
  });
}

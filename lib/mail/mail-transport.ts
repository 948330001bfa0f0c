import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per receipt: a re-send after a crash carries the same id, so mail systems can tell it is one message. */
  messageId: string;
  language: string;
}

/** Throws when the mail server did not accept the message. */
export type SendMail = (mail: OutgoingMail) => Promise<void>;

// Well under the receipt lease (lib/receipts/receipt-outbox.ts): a send that hangs fails before another worker
// may take the receipt over, so two workers never hold the same receipt at once.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Sends through the SMTP server at `url` (smtp:// or smtps://, credentials in the URL). */
export function smtpMailer(url: string): SendMail {
  const transport = nodemailer.createTransport({ url, ...TIMEOUTS });
  return async (mail) => {
    await transport.sendMail({
      from: env.RECEIPTS_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { "Content-Language": mail.language, "Auto-Submitted": "auto-generated" },
    });
  };
}

/**
 * Without SMTP_URL (`npm run local`), receipts are written to the log instead of sent. The recipient is masked:
 * logs are shipped widely and never carry donors' addresses.
 */
export const logMailer: SendMail = async (mail) => {
  const [, domain = ""] = mail.to.split("@");
  logger.info("receipt.logged", { to: `…@${domain}`, messageId: mail.messageId, subject: mail.subject });
  console.log(mail.text);
};

export function mailerFromEnv(): SendMail {
  return env.SMTP_URL ? smtpMailer(env.SMTP_URL) : logMailer;
}

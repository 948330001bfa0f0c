import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { newDonationId } from "@/lib/donations/donation-id";
import { settleDonation } from "@/lib/donations/settle-donation";
import { smtpMailer } from "@/lib/mail/mail-transport";
import { formatMoney } from "@/lib/money";
import { startSmtpTestServer } from "@/lib/testing/smtp-test-server";
import { receiptMessageId } from "./enqueue-receipt";
import { claimDueReceipts, LEASE_MS } from "./receipt-outbox";
import { sendDueReceipts } from "./receipt-worker";

let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
const db = getDb();

beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(async () => {
  smtp.received.length = 0;
  await db.receiptOutbox.deleteMany();
});

/** A donation confirmed by the gateway through the same path a callback takes. */
async function succeededDonation(
  fields: { locale?: string; email?: string | null; anonymous?: boolean; fee?: number } = {},
) {
  const { locale = "en", email = "donor@example.org", anonymous = false, fee = 0 } = fields;
  const donation = await db.donation.create({
    data: {
      id: newDonationId(),
      campaign: "launch",
      amount: 2500,
      fee,
      currency: "EUR",
      gateway: "sandbox",
      locale,
      donorEmail: email,
      donorName: "Ada",
      anonymous,
    },
  });
  await settleDonation({ donation, to: "succeeded", reported: { amount: 2500 + fee, currency: "EUR" } });
  return donation;
}

const worker = (owner: string, now = new Date()) =>
  sendDueReceipts({ db, send: smtpMailer(smtp.url()), owner, now: () => now });

describe("receipts", () => {
  it("are recorded in the outbox by the success itself, once, and only for donors who gave an email", async () => {
    const withEmail = await succeededDonation();
    await succeededDonation({ email: null });
    // The gateway's retry of the same success changes nothing.
    await settleDonation({
      donation: withEmail,
      to: "succeeded",
      reported: { amount: 2500, currency: "EUR" },
    });

    const rows = await db.receiptOutbox.findMany();
    expect(rows).toEqual([
      expect.objectContaining({
        donationId: withEmail.id,
        status: "pending",
        messageId: receiptMessageId(withEmail.id),
      }),
    ]);
  });

  it("arrive in the donor's language with the amount, the fee covered, the date and the reference", async () => {
    const donation = await succeededDonation({ locale: "fr", fee: 54 });

    expect(await worker("w1")).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toMatchObject({ text: "donor@example.org" });
    expect(mail.messageId).toBe(receiptMessageId(donation.id));
    expect(mail.subject).toBe("Votre reçu de don de Clearwater Relief");
    expect(mail.headers.get("content-language")).toBe("fr");
    for (const part of [mail.text!, mail.html as string]) {
      expect(part).toContain(formatMoney(2500, "EUR", "fr"));
      expect(part).toContain(formatMoney(2554, "EUR", "fr"));
      expect(part).toContain(donation.id);
      expect(part).toContain("1184520");
    }
    expect(mail.text).toContain("Sur le mur des donateurs : Avec votre nom");
    expect(mail.html).toContain('<html lang="fr" dir="ltr">');
    const row = await db.receiptOutbox.findUniqueOrThrow({ where: { donationId: donation.id } });
    expect(row).toMatchObject({ status: "sent", attempts: 1, leaseOwner: null });
    expect(row.sentAt).not.toBeNull();
  });

  it("are right-to-left HTML in Arabic and say when the gift was anonymous", async () => {
    const donation = await succeededDonation({ locale: "ar", anonymous: true });

    await worker("w1");

    const [mail] = smtp.received;
    expect(mail.subject).toBe("إيصال تبرعك من Clearwater Relief");
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.text).toContain(formatMoney(2500, "EUR", "ar"));
    expect(mail.text).toContain(donation.id);
    expect(mail.text).toContain("على جدار المتبرعين: مجهول");
    // Arabic has no fee lines when no fee was covered.
    expect(mail.text).not.toContain("رسوم الدفع");
  });

  it("are delayed by an SMTP outage and all arrive once each after it", async () => {
    const donations = await Promise.all(Array.from({ length: 5 }, () => succeededDonation()));
    const start = new Date();
    await smtp.stop();

    expect(await worker("w1", start)).toEqual({ sent: 0, retrying: 5, failed: 0 });
    const waiting = await db.receiptOutbox.findMany();
    expect(
      waiting.every((row) => row.status === "pending" && row.nextAttemptAt > start && row.lastError),
    ).toBe(true);

    await smtp.start();
    // Not due yet: the backoff holds them back even though the server is up again.
    expect(await worker("w1", start)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await worker("w1", new Date(start.getTime() + 10 * 60_000))).toEqual({
      sent: 5,
      retrying: 0,
      failed: 0,
    });
    expect(await worker("w1", new Date(start.getTime() + 60 * 60_000))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    const ids = smtp.received.map((mail) => mail.messageId).sort();
    expect(ids).toEqual(donations.map((donation) => receiptMessageId(donation.id)).sort());
  });

  it("are sent once each when two workers run at the same time", async () => {
    const donations = await Promise.all(Array.from({ length: 24 }, () => succeededDonation()));

    const [first, second] = await Promise.all([worker("w1"), worker("w2")]);

    expect(first.sent + second.sent).toBe(24);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(24);
    expect(smtp.received).toHaveLength(donations.length);
  });

  it("are taken over, with the same Message-ID, only after the lease of a worker that died", async () => {
    const donation = await succeededDonation();
    const now = new Date();
    // A worker claims the receipt and dies before sending or recording anything.
    expect(await claimDueReceipts(db, "dead-worker", 5, now)).toHaveLength(1);

    expect(await worker("w2", new Date(now.getTime() + LEASE_MS - 1))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(0);

    expect(await worker("w2", new Date(now.getTime() + LEASE_MS))).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(smtp.received.map((mail) => mail.messageId)).toEqual([receiptMessageId(donation.id)]);
    expect(await db.receiptOutbox.findUniqueOrThrow({ where: { donationId: donation.id } })).toMatchObject({
      status: "sent",
      attempts: 2,
    });
  });
});

import { getDb } from "@/lib/db/client";

const DONATION_ID = /^don_[\w-]{22}$/;

/** What the result page may show about a donation: no name, no email, nothing a guessed link could leak. */
export async function findDonationReceipt(id: string | undefined) {
  if (!id || !DONATION_ID.test(id)) return null;
  return getDb().donation.findUnique({
    where: { id },
    select: { id: true, amount: true, currency: true, status: true },
  });
}

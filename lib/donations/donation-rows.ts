import { batchParameters, batchRowsSql } from "@/lib/db/batch-rows";
import { batchedStatement } from "@/lib/db/batched-statement";
import { getSql, type Sql } from "@/lib/db/client";
import type { Donation } from "@/lib/generated/prisma/client";

// The two writes of every donation start, each batched with whatever other starts are writing at the same moment
// (lib/db/batched-statement.ts): on launch night they are the site's hottest statements. Plain SQL rather than
// Prisma's create, which reads the whole row back and maps it for several times the CPU of the INSERT itself.

export type NewDonation = Pick<
  Donation,
  | "id"
  | "campaign"
  | "amount"
  | "currency"
  | "gateway"
  | "idempotencyKey"
  | "requestHash"
  | "locale"
  | "donorName"
  | "donorEmail"
  | "anonymous"
  | "message"
  | "showAmount"
  | "fee"
  | "createdAt"
>;

/**
 * Writes a pending donation. Columns not named take their database defaults (status pending, nothing refunded, no
 * checkout yet). Resolves false when the donation's Idempotency-Key was taken by another request meanwhile: the
 * conflict skips that row only, not the batch it came in.
 */
export const insertDonation = batchedStatement<NewDonation, boolean>({
  name: "insert donations",
  async run(donations) {
    const { rows } = await getSql().query<{ id: string }>(
      `INSERT INTO donations (id, campaign, amount, currency, gateway, idempotency_key, request_hash, locale,
        donor_name, donor_email, anonymous, message, show_amount, fee, created_at, updated_at)
      SELECT id, campaign, amount, currency, gateway, idempotency_key, request_hash, locale, donor_name, donor_email,
        anonymous, message, show_amount, fee, created_at, created_at
      FROM json_to_recordset($1::json) AS row(id text, campaign text, amount int, currency text, gateway text,
        idempotency_key text, request_hash text, locale text, donor_name text, donor_email text, anonymous boolean,
        message text, show_amount boolean, fee int, created_at timestamptz)
      ON CONFLICT DO NOTHING
      RETURNING id`,
      [
        JSON.stringify(
          donations.map((donation) => ({
            id: donation.id,
            campaign: donation.campaign,
            amount: donation.amount,
            currency: donation.currency,
            gateway: donation.gateway,
            idempotency_key: donation.idempotencyKey,
            request_hash: donation.requestHash,
            locale: donation.locale,
            donor_name: donation.donorName,
            donor_email: donation.donorEmail,
            anonymous: donation.anonymous,
            message: donation.message,
            show_amount: donation.showAmount,
            fee: donation.fee,
            created_at: donation.createdAt,
          })),
        ),
      ],
    );
    const written = new Set(rows.map((row) => row.id));
    return donations.map((donation) => written.has(donation.id));
  },
});

export interface CheckoutLink {
  donationId: string;
  sessionId: string;
  redirectUrl: string;
  at: Date;
}

/**
 * Gives a pending donation its checkout. Conditional: if the start was so slow that a retry expired its donation
 * meanwhile, the checkout is not handed out (resolves false), since a payment on an expired donation could not be
 * counted.
 */
export const attachCheckout = batchedStatement<CheckoutLink, boolean>({
  name: "attach checkouts",
  run: (links) => attachCheckouts(getSql(), links),
});

/** attachCheckout's statement, for one batch. */
export async function attachCheckouts(sql: Sql, links: CheckoutLink[]): Promise<boolean[]> {
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE donations d SET gateway_session_id = link.session_id, checkout_url = link.redirect_url,
      updated_at = link.at
    FROM ${batchRowsSql("$1", "$2", "link", "id text, session_id text, redirect_url text, at timestamptz")}
    WHERE d.id = link.id AND d.status = 'pending'
    RETURNING d.id`,
    batchParameters(
      links.map((link) => ({
        id: link.donationId,
        session_id: link.sessionId,
        redirect_url: link.redirectUrl,
        at: link.at,
      })),
    ),
  );
  const attached = new Set(rows.map((row) => row.id));
  return links.map((link) => attached.has(link.donationId));
}

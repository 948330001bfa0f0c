import { pooledRandomBytes } from "@/lib/crypto/pooled-random-bytes";
import { batchedStatement } from "@/lib/db/batched-statement";
import { getDb, getSql } from "@/lib/db/client";
import type { SandboxSession } from "@/lib/generated/prisma/client";
import type { CheckoutRequest } from "../gateway";

// The simulated gateway's own bookkeeping, the part a real provider keeps on its servers.

/** Real hosted pages expire too (Stripe: 30 minutes to 24 hours); after this a session can no longer be paid. */
export const SANDBOX_SESSION_TTL_MS = 30 * 60 * 1000;

export type SandboxChoice = "pay" | "decline" | "cancel";

const STATUS_BY_CHOICE = { pay: "paid", decline: "declined", cancel: "cancelled" } as const;

interface NewSession {
  id: string;
  request: CheckoutRequest;
  createdAt: Date;
}

// Part of every sandbox donation start, so batched with the other starts' (lib/db/batched-statement.ts), and a
// plain INSERT: Prisma's create reads the row back, and the caller needs only the id.
const insertSession = batchedStatement<NewSession, void>({
  name: "insert sandbox sessions",
  async run(sessions) {
    await getSql().query(
      `INSERT INTO sandbox_sessions (id, reference, amount, currency, locale, return_url, created_at, expires_at)
      SELECT id, reference, amount, currency, locale, return_url, created_at, expires_at
      FROM json_to_recordset($1::json) AS session(id text, reference text, amount int, currency text, locale text,
        return_url text, created_at timestamptz, expires_at timestamptz)`,
      [
        JSON.stringify(
          sessions.map(({ id, request, createdAt }) => ({
            id,
            reference: request.reference,
            amount: request.amount,
            currency: request.currency,
            locale: request.locale,
            return_url: request.returnUrl,
            created_at: createdAt,
            expires_at: new Date(createdAt.getTime() + SANDBOX_SESSION_TTL_MS),
          })),
        ),
      ],
    );
    return sessions.map(() => undefined);
  },
});

/** Opens a hosted page for one checkout. */
export async function openSession(request: CheckoutRequest, now = new Date()): Promise<{ id: string }> {
  const id = `sbx_${pooledRandomBytes(16).toString("base64url")}`;
  await insertSession({ id, request, createdAt: now });
  return { id };
}

export async function findSession(id: string): Promise<SandboxSession | null> {
  if (!/^sbx_[\w-]{1,64}$/.test(id)) return null;
  return getDb().sandboxSession.findUnique({ where: { id } });
}

export function isExpired(session: SandboxSession, now = new Date()): boolean {
  return session.status === "open" && session.expiresAt <= now;
}

/** Records the donor's choice once; a second click, or a click after expiry, changes nothing and returns null. */
export async function completeSession(id: string, choice: SandboxChoice, now = new Date()) {
  const { count } = await getDb().sandboxSession.updateMany({
    where: { id, status: "open", expiresAt: { gt: now } },
    data: { status: STATUS_BY_CHOICE[choice], completedAt: now },
  });
  return count === 1 ? findSession(id) : null;
}

/** The return URL the site gave, with the session added as a real gateway adds it (keeping the URL's own query). */
export function returnUrlFor(session: { id: string; returnUrl: string }): string {
  const url = new URL(session.returnUrl);
  url.searchParams.set("session", session.id);
  return url.toString();
}

/**
 * Gives back `amount` more of a paid session's charge, as a refund in the gateway's dashboard would; refused
 * (null) beyond what was charged, or on a session that was never paid. Concurrent refunds add up in one statement.
 */
export async function refundSession(id: string, amount: number): Promise<SandboxSession | null> {
  const count = await getDb().$executeRaw`
    UPDATE sandbox_sessions SET refunded_amount = refunded_amount + ${amount}
    WHERE id = ${id} AND status = 'paid' AND ${amount} > 0 AND refunded_amount + ${amount} <= amount`;
  return count === 1 ? findSession(id) : null;
}

/** Records that the card network took a paid session's charge back (a dispute lost); once only. */
export async function loseDispute(id: string, now = new Date()): Promise<SandboxSession | null> {
  const { count } = await getDb().sandboxSession.updateMany({
    where: { id, status: "paid", disputeLostAt: null },
    data: { disputeLostAt: now },
  });
  return count === 1 ? findSession(id) : null;
}

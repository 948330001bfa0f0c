import { randomBytes } from "node:crypto";
import { execute, getDb } from "@/lib/db/client";
import { Prisma, type SandboxSession } from "@/lib/generated/prisma/client";
import type { CheckoutRequest } from "../gateway";

// The simulated gateway's own bookkeeping, the part a real provider keeps on its servers.

/** Real hosted pages expire too (Stripe: 30 minutes to 24 hours); after this a session can no longer be paid. */
export const SANDBOX_SESSION_TTL_MS = 30 * 60 * 1000;

export type SandboxChoice = "pay" | "decline" | "cancel";

const STATUS_BY_CHOICE = { pay: "paid", decline: "declined", cancel: "cancelled" } as const;

/**
 * Opens a hosted page for one checkout. A plain INSERT: it is part of every sandbox donation start, where Prisma's
 * create (which reads the row back) would cost twice the CPU, and the caller needs only the id.
 */
export async function openSession(request: CheckoutRequest, now = new Date()): Promise<{ id: string }> {
  const id = `sbx_${randomBytes(16).toString("base64url")}`;
  await execute(Prisma.sql`
    INSERT INTO sandbox_sessions (id, reference, amount, currency, locale, return_url, created_at, expires_at)
    VALUES (${id}, ${request.reference}, ${request.amount}, ${request.currency}, ${request.locale},
      ${request.returnUrl}, ${now}, ${new Date(now.getTime() + SANDBOX_SESSION_TTL_MS)})`);
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

import { ApiError } from "@/lib/api/errors";
import { getSql } from "@/lib/db/client";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { chargedAmount } from "./charged-amount";
import { sameMoney, type GatewayNotice, type ReportedMoney, type SettledDonation } from "./payment-event-log";
import { reportMoneyAlert } from "./report-money-alert";
import { revalidateTotalsSoon } from "./revalidate-totals";
import { settleReportedPayment } from "./settlement-statement";
import {
  allowedFrom,
  LATE_SUCCESS_FROM,
  transitionRecordingNotice,
  type Transition,
} from "./transition-donation";

/** needs_review: the gateway reported other money than the donation holds; nothing was counted. */
export type SettleResult = "changed" | "unchanged" | "duplicate" | "needs_review";

export interface Settlement {
  donation: SettledDonation;
  to: "succeeded" | "failed" | "cancelled" | "expired";
  /** What the gateway says was paid; absent only when expiring a donation the gateway never saw. */
  reported?: ReportedMoney;
  /** The callback that brought this news, stored for deduplication and audit. */
  event?: GatewayNotice;
}

/** After the commit: one alert per piece of news that moved money unexpectedly, and fresh totals. */
export function afterSettling(
  donation: SettledDonation,
  { from, counted, event }: { from: DonationStatus | null; counted: boolean; event?: GatewayNotice },
): void {
  if (counted) revalidateTotalsSoon();
  if (counted && from && (LATE_SUCCESS_FROM as readonly string[]).includes(from)) {
    // Counted as any success (total, receipt), but a person should know why we had given up on it.
    reportMoneyAlert("donation.late_success", "warn", {
      donationId: donation.id,
      from,
      eventId: event?.eventId ?? "status-check",
    });
  }
}

/**
 * Applies what the gateway told us about a payment's outcome (by callback, on the donor's return, or to the
 * reconciler): the same path for all three, so whichever arrives first wins and the others change nothing. A
 * callback's event row is written in the same statement, and the unique (gateway, event id) makes a replayed
 * event a no-op. A success the gateway reports for a donation we had given up on is counted (it took the money).
 * Other money than the donation holds moves it to needs_review, where the reconciler leaves it for a person.
 * A single statement (transitionRecordingNotice), so no transaction is held open across round trips: callbacks
 * for different donations pass each other, and the running total's stripes are locked only for that statement.
 */
export async function settleDonation(settlement: Settlement): Promise<SettleResult> {
  const { donation, reported, event } = settlement;
  const matches = sameMoney(donation, reported);
  const to = matches ? settlement.to : "needs_review";
  // One statement, atomic by itself: the notice, the status, the receipt and the running total together.
  const transition = await transitionRecordingNotice(
    getSql(),
    donation,
    to,
    { gatewayReported: reported !== undefined },
    event && {
      gateway: donation.gateway,
      ...event,
      outcome: { moved: `applied:${to}`, unmoved: matches ? "ignored:already-final" : "ignored:mismatch" },
    },
  );
  return concluded({ donation, reported, event, matches, to, transition });
}

/**
 * settleDonation for a callback's report of a payment's outcome, by the gateway's session: the donation is found,
 * its money checked and it is settled in one statement (settlement-statement.ts), one round trip per callback.
 */
export async function settleReportedOutcome(report: {
  gateway: string;
  sessionId: string;
  outcome: Settlement["to"];
  reported: ReportedMoney;
  event: GatewayNotice;
}): Promise<SettleResult> {
  const settled = await settleReportedPayment({
    ...report,
    allowed: allowedFrom(report.outcome, true),
    allowedForReview: allowedFrom("needs_review", true),
    at: new Date(),
  });
  if (!settled.found) throw new ApiError("not_found", `no donation for session ${report.sessionId}`);
  const { donation, matches, to, transition } = settled;
  return concluded({ donation, reported: report.reported, event: report.event, matches, to, transition });
}

/** What a settlement answers, once committed: alerts for money that moved unexpectedly, and fresh totals. */
function concluded({
  donation,
  reported,
  event,
  matches,
  to,
  transition: { from, recorded },
}: {
  donation: SettledDonation;
  reported?: ReportedMoney;
  event?: GatewayNotice;
  matches: boolean;
  to: DonationStatus;
  transition: Transition;
}): SettleResult {
  if (!recorded) return "duplicate";
  const result: SettleResult = !from ? "unchanged" : matches ? "changed" : "needs_review";
  if (!matches) {
    // Reported once: a retried callback is a duplicate above, and the reconciler no longer asks about it.
    reportMoneyAlert("donation.payment_mismatch", "error", {
      donationId: donation.id,
      eventId: event?.eventId ?? "status-check",
      expected: { amount: chargedAmount(donation), currency: donation.currency },
      reported,
      movedFrom: from,
    });
  }
  afterSettling(donation, { from, counted: result === "changed" && to === "succeeded", event });
  return result;
}

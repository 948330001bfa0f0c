import path from "node:path";
import { describe, ratioOf, type BenchContext, type Section } from "../context";
import type { LoadRequest } from "../load";
import { replay } from "../replay";
import type { Row } from "../report";
import { signedCallback } from "./donation-traffic";

// Signed success callbacks for the donations started so far, with duplicates and in shuffled order, some
// donations also declined (whichever arrives first wins), 50 in flight. Afterwards the running total must equal
// the sum of succeeded donations exactly.

type Pending = { session_id: string; amount: number; currency: string };

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function callbacksFor(donations: Pending[]): LoadRequest[] {
  const requests: LoadRequest[] = [];
  donations.forEach((row, index) => {
    const donation = { sessionId: row.session_id, amount: row.amount, currency: row.currency };
    const success = signedCallback(donation, "payment.succeeded");
    requests.push(success);
    if (index % 5 === 0) requests.push(success);
    if (index % 10 === 3) requests.push(signedCallback(donation, "payment.failed"));
  });
  return shuffle(requests);
}

async function pendingDonations(context: BenchContext, limit: number): Promise<Pending[]> {
  const { rows } = await context.db.query<Pending>(
    `SELECT gateway_session_id AS session_id, amount, currency FROM donations
     WHERE status = 'pending' AND gateway_session_id IS NOT NULL ORDER BY random() LIMIT $1`,
    [limit],
  );
  return rows;
}

/** The running total against the succeeded donations (also the load test's check, bench/loadtest/verify.ts). */
export async function totalsMatchDonations(db: Pick<BenchContext["db"], "query">) {
  const { rows } = await db.query<{
    total: string;
    donors: string;
    raised: string;
    succeeded: string;
  }>(
    `SELECT (SELECT coalesce(sum(raised), 0) FROM campaign_totals) AS total,
            (SELECT coalesce(sum(donors), 0) FROM campaign_totals) AS donors,
            (SELECT coalesce(sum(amount), 0) FROM donations WHERE status = 'succeeded') AS raised,
            (SELECT count(*) FROM donations WHERE status = 'succeeded') AS succeeded`,
  );
  const [row] = rows;
  return { exact: row.total === row.raised && row.donors === row.succeeded, ...row };
}

function run(context: BenchContext, url: string, requests: LoadRequest[], name: string) {
  return replay({
    url,
    requests,
    connections: 50,
    file: path.join(context.options.logDir, `${name}.requests`),
  });
}

export const callbacks: Section = {
  name: "callbacks",
  async run(context) {
    const { seconds, warmup } = context.options;
    // Enough for the measured seconds at twice the target rate, and a warm-up on donations of its own.
    const available = await pendingDonations(context, 2_000 * (seconds + warmup));
    const warmupShare = Math.floor((available.length * warmup) / (seconds + warmup));
    if (warmupShare > 50)
      await run(context, context.surge.url, callbacksFor(available.slice(0, warmupShare)), "warm-up");
    const requests = callbacksFor(available.slice(warmupShare));
    // The framework's own floor for this load: the same bodies, sent the same way, to the bare app's POST route.
    const floor = await run(
      context,
      context.bare.url,
      requests.map((request) => ({ ...request, path: "/api/json" })),
      "bare-callbacks",
    );
    const result = await run(context, context.surge.url, requests, "callbacks");
    context.log(`bare JSON POST, the callbacks' bodies: ${describe(floor)}`);
    context.log(`callbacks: ${requests.length} sent, ${describe(result)}`);
    const check = await totalsMatchDonations(context.db);
    const rows: Row[] = [
      {
        what: "bare Next.js JSON route, POST, the same bodies sent the same way (wrk)",
        target: "",
        measured: describe(floor),
      },
      {
        what: `signed success callbacks, 50 in flight (${requests.length}, with duplicates and declines, shuffled)`,
        target: "≥ 1,000/s, all answered 2xx",
        measured: describe(result),
        ratio: ratioOf(result, floor),
        met: result.rps >= 1_000 && result.failures === 0,
      },
      {
        what: "running total after the callbacks",
        target: "= sum of succeeded donations",
        measured: `total ${check.total} (${check.donors} donors), donations ${check.raised} (${check.succeeded})`,
        met: check.exact,
      },
    ];
    if (result.total < 1_000)
      context.notes.push(`Only ${result.total} callbacks were sent: few donations were pending.`);
    return rows;
  },
};

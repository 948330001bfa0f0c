import type pg from "pg";
import { totalsMatchDonations } from "../sections/callbacks";
import type { RouteFigures } from "./recorder";

// The proof that nothing was lost, read from the database after the run and a reconciliation pass.

export interface Check {
  name: string;
  passed: boolean;
  detail: string;
}

const SETTLED_AS = `CASE s.status WHEN 'paid' THEN 'succeeded' WHEN 'declined' THEN 'failed'
  WHEN 'cancelled' THEN 'cancelled' ELSE 'pending' END`;

export async function verifyRun(
  db: pg.Pool,
  run: { created: string[]; pausedAnswers: number },
  routes: RouteFigures[],
): Promise<Check[]> {
  const checks: Check[] = [];
  const found = await db.query<{ found: string }>(
    "SELECT count(*) AS found FROM donations WHERE id = ANY($1)",
    [run.created],
  );
  const missing = run.created.length - Number(found.rows[0].found);
  checks.push({
    name: "every donation answered 201 is in the database",
    passed: missing === 0,
    detail: `${run.created.length - missing} of ${run.created.length} found`,
  });

  const disagree = await db.query<{ pending: string; other: string }>(
    `SELECT count(*) FILTER (WHERE d.status = 'pending') AS pending,
            count(*) FILTER (WHERE d.status <> 'pending') AS other
     FROM donations d JOIN sandbox_sessions s ON s.id = d.gateway_session_id
     WHERE d.gateway = 'sandbox' AND s.status <> 'open' AND d.status::text <> ${SETTLED_AS}`,
  );
  const { pending, other } = disagree.rows[0];
  checks.push({
    name: "after reconciliation nothing is pending that the gateway settled",
    passed: pending === "0" && other === "0",
    detail: `${pending} still pending, ${other} settled otherwise than the gateway says`,
  });

  const sums = await totalsMatchDonations(db);
  const gateway = await db.query<{ paid: string }>(
    `SELECT coalesce(sum(s.amount), 0) AS paid FROM sandbox_sessions s
     JOIN donations d ON d.gateway = 'sandbox' AND d.gateway_session_id = s.id WHERE s.status = 'paid'`,
  );
  const { paid } = gateway.rows[0];
  checks.push({
    name: "the total equals the succeeded donations and the gateway's own record of payments",
    passed: sums.exact && sums.raised === paid,
    detail: `total ${sums.total} (${sums.donors} donors), succeeded ${sums.raised} (${sums.succeeded}), gateway paid ${paid}`,
  });

  const twice = await db.query<{ twice: string }>(
    `SELECT count(*) AS twice FROM (SELECT donation_id FROM payment_events
       WHERE outcome LIKE 'applied:%' GROUP BY donation_id HAVING count(*) > 1) AS repeated`,
  );
  const events = await db.query<{ events: string }>("SELECT count(*) AS events FROM payment_events");
  checks.push({
    name: "no callback was counted twice",
    passed: twice.rows[0].twice === "0",
    detail: `${events.rows[0].events} distinct callback events recorded, ${twice.rows[0].twice} donations changed by more than one`,
  });

  const fiveHundreds = routes.reduce(
    (sum, route) =>
      sum +
      Object.entries(route.errors).reduce((n, [status, count]) => (Number(status) >= 500 ? n + count : n), 0),
    0,
  );
  checks.push({
    name: "no 5xx but the 503s of a deliberate pause",
    passed: fiveHundreds - run.pausedAnswers === 0,
    detail: `${fiveHundreds} × 5xx, of which ${run.pausedAnswers} deliberate pauses`,
  });
  return checks;
}

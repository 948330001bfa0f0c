import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachCheckouts } from "@/lib/donations/donation-rows";
import { donationsForSessions } from "@/lib/donations/record-payment-event";
import { settleById, settleReported } from "@/lib/donations/settlement-statement";
import type { Sql } from "./client";

// The statements that join a batch to the donations table, planned against a campaign of 20,000 donations: each
// must look its rows up by index, never read the whole table (lib/db/batch-rows.ts). EXPLAIN plans a statement
// without running it, inside a transaction that is rolled back, so the rows never reach another test.

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

const scansOf = (node: PlanNode): string[] => [
  ...(node["Node Type"] === "Seq Scan" ? [node["Relation Name"] ?? "?"] : []),
  ...(node.Plans ?? []).flatMap(scansOf),
];

let client: pg.Client;
const plans: PlanNode[] = [];
// Statements are explained instead of run; an empty result is all the callers then see.
const explaining: Sql = {
  async query(text, values) {
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
    plans.push(rows[0]["QUERY PLAN"][0].Plan);
    return { rows: [], rowCount: 0 };
  },
};
const seqScansOfLastPlan = () => scansOf(plans.at(-1)!);

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`
    INSERT INTO donations (id, campaign, amount, currency, gateway, locale, gateway_session_id, checkout_url)
    SELECT 'don_plan_' || n, 'plans', 2500, 'EUR', 'sandbox', 'en', 'sbx_plan_' || n, '/sandbox/checkout/' || n
    FROM generate_series(1, 20000) AS n`);
});

afterAll(async () => {
  await client.query("ROLLBACK");
  await client.end();
});

describe("statements over a batch of rows", () => {
  it("would read the whole table if the planner took json_to_recordset for its default 100 rows", async () => {
    // The statement as it was: proves this table is large enough for the plans below to mean something.
    await explaining.query(
      `UPDATE donations d SET checkout_url = link.url
      FROM json_to_recordset($1::json) AS link(id text, url text) WHERE d.id = link.id`,
      [JSON.stringify([{ id: "don_plan_1", url: "/x" }])],
    );
    expect(seqScansOfLastPlan()).toContain("donations");
  });

  it("attach checkouts by index", async () => {
    const at = new Date();
    await attachCheckouts(explaining, [
      { donationId: "don_plan_1", sessionId: "sbx_1", redirectUrl: "/a", at },
      { donationId: "don_plan_2", sessionId: "sbx_2", redirectUrl: "/b", at },
    ]);
    expect(seqScansOfLastPlan()).not.toContain("donations");
  });

  it("find donations by their gateway session by index", async () => {
    await donationsForSessions(explaining, [
      { gateway: "sandbox", sessionId: "sbx_plan_1" },
      { gateway: "sandbox", sessionId: "sbx_plan_2" },
    ]);
    expect(seqScansOfLastPlan()).not.toContain("donations");
  });

  it("settle reported payments by index", async () => {
    const report = (n: number) => ({
      gateway: "sandbox",
      sessionId: `sbx_plan_${n}`,
      outcome: "succeeded" as const,
      allowed: ["pending" as const],
      allowedForReview: ["pending" as const],
      reported: { amount: 2500, currency: "EUR" },
      event: { eventId: `evt_plan_${n}`, type: "payment.succeeded", payload: {} },
      at: new Date(),
    });
    await settleReported(explaining, [report(1), report(2), report(3)]);
    expect(seqScansOfLastPlan()).not.toContain("donations");
  });

  it("settle donations by id by index", async () => {
    const row = (n: number) => ({
      donation_id: `don_plan_${n}`,
      to_status: "succeeded" as const,
      allowed: ["pending" as const],
      counts: true,
      at: new Date(),
      campaign: "plans",
      currency: "EUR",
      amount: 2500,
      stripe: n % 16,
      message_id: `<receipt.don_plan_${n}@example.org>`,
      gateway: null,
      event_id: null,
      event_type: null,
      payload: null,
      outcome_moved: null,
      outcome_unmoved: null,
    });
    await settleById(explaining, [row(1), row(2)]);
    expect(seqScansOfLastPlan()).not.toContain("donations");
  });
});

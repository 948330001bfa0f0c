import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadtestRecord } from "./main";

// Runs `npm run loadtest` briefly against the production build (built first when there is none), then tampers
// with its database to show the verification catches what it promises to catch. scripts/test-all.sh runs this
// after Playwright, which leaves the build behind.
const REPO = path.resolve(import.meta.dirname, "../..");
const PORT_BASE = process.env.LOADTEST_TEST_PORT_BASE || "3640";
const outDir = mkdtempSync(path.join(tmpdir(), "surge-loadtest-"));
const jsonFile = path.join(outDir, "loadtest.json");

// Vitest's NODE_ENV=test would reach the servers and scripts the load test starts; they choose their own.
const withoutVitestMode = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== "NODE_ENV"),
) as NodeJS.ProcessEnv;

function loadtest(...args: string[]) {
  const result = spawnSync(
    "node",
    ["--import", "tsx", "--import", "./lib/server-process.ts", "scripts/loadtest.ts", ...args],
    { cwd: REPO, encoding: "utf8", env: withoutVitestMode, timeout: 600_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

let first: ReturnType<typeof loadtest>;
let record: LoadtestRecord;
let db: pg.Pool;

beforeAll(() => {
  const build = existsSync(path.join(REPO, ".next/BUILD_ID")) ? ["--skip-build"] : [];
  first = loadtest(
    ...build,
    "--duration",
    "4",
    "--connections",
    "4",
    "--donor-share",
    "0.5",
    "--port-base",
    PORT_BASE,
    "--out",
    outDir,
  );
  record = JSON.parse(readFileSync(jsonFile, "utf8"));
  db = new pg.Pool({ connectionString: record.databaseUrl, max: 1 });
}, 660_000);

afterAll(async () => {
  await db?.end();
  if (record) {
    const admin = new pg.Client({ connectionString: record.databaseUrl.replace(/\/[^/]+$/, "/postgres") });
    await admin.connect();
    const name = new URL(record.databaseUrl).pathname.slice(1);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
  }
  rmSync(outDir, { recursive: true, force: true });
});

const verifyAgain = () => loadtest("--verify", jsonFile, "--out", outDir);

describe("npm run loadtest", () => {
  it("runs the launch mix, writes the figures and the chart, and finds nothing lost", () => {
    expect(first.output).toContain("nothing lost");
    expect(first.status).toBe(0);
    expect(record.verification.passed).toBe(true);
    const routes = record.routes.map((route) => route.route);
    for (const route of [
      "GET /[locale]",
      "GET /api/totals",
      "POST /api/donations",
      "GET /api/payments/return",
    ])
      expect(routes).toContain(route);
    expect(record.donors.created.length).toBeGreaterThan(0);
    expect(record.timeline.length).toBeGreaterThan(0);
    const svg = readFileSync(path.join(outDir, "loadtest.svg"), "utf8");
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("<polyline");
  });

  it("fails when a succeeded donation is counted twice in the total, and passes again once it is undone", async () => {
    const { rows } = await db.query<{ amount: number }>(
      "SELECT amount FROM donations WHERE status = 'succeeded' LIMIT 1",
    );
    expect(rows).toHaveLength(1);
    const amount = rows[0].amount;
    await db.query(
      "UPDATE campaign_totals SET raised = raised + $1, donors = donors + 1 WHERE stripe = (SELECT min(stripe) FROM campaign_totals)",
      [amount],
    );
    const doubled = verifyAgain();
    expect(doubled.status).toBe(1);
    expect(doubled.output).toContain("✗ the total equals the succeeded donations");
    await db.query(
      "UPDATE campaign_totals SET raised = raised - $1, donors = donors - 1 WHERE stripe = (SELECT min(stripe) FROM campaign_totals)",
      [amount],
    );
    expect(verifyAgain().status).toBe(0);
  });

  it("fails when a donation answered 201 is missing from the database", async () => {
    const { rows } = await db.query<{ id: string }>(
      "SELECT id FROM donations WHERE status = 'succeeded' LIMIT 1",
    );
    await db.query("DELETE FROM payment_events WHERE donation_id = $1", [rows[0].id]);
    await db.query("DELETE FROM donations WHERE id = $1", [rows[0].id]);
    const lost = verifyAgain();
    expect(lost.status).toBe(1);
    expect(lost.output).toContain("✗ every donation answered 201 is in the database");
  });
});

import type { Section } from "../context";
import type { Row } from "../report";

// What PostgreSQL itself allows on this machine: the latency of one durable commit, and how many a few
// concurrent sessions get through. A donation start commits three times (donation, gateway session, checkout
// link) and a callback once, so these bound what the two can reach, whatever the application does.
const CLIENTS = 10;

export const databaseFloor: Section = {
  name: "database",
  async run(context) {
    const { db } = context;
    await db.query(
      "CREATE TABLE IF NOT EXISTS bench_commit_floor (id bigserial PRIMARY KEY, at timestamptz DEFAULT now())",
    );
    const latencies: number[] = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      await db.query("INSERT INTO bench_commit_floor DEFAULT VALUES");
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    let commits = 0;
    const until = performance.now() + 3_000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < until) {
          await db.query("INSERT INTO bench_commit_floor DEFAULT VALUES");
          commits++;
        }
      }),
    );
    await db.query("DROP TABLE bench_commit_floor");
    const p = (q: number) => latencies[Math.floor(latencies.length * q)].toFixed(1);
    const row: Row = {
      what: `PostgreSQL: one durable commit; commits/s from ${CLIENTS} sessions`,
      target: "",
      measured: `p50 ${p(0.5)} ms, p99 ${p(0.99)} ms; ${Math.round(commits / 3).toLocaleString("en")}/s`,
    };
    context.log(`database floor: ${row.measured}`);
    return [row];
  },
};

import pg from "pg";
import type { Section } from "../context";
import { privatePostgres } from "../postgres";
import { sleep } from "../processes";
import { startSurge } from "../servers";
import { donationStart, send } from "./donation-traffic";

// A second Surge server on a PostgreSQL instance of the benchmark's own, which is stopped and started again while
// donors keep starting donations. Every answer must be a 201 or a 503 with Retry-After, every 201 must be in the
// database afterwards, and the breaker must let donations through again on its own once PostgreSQL is back.
const WORKERS = 20;

export const outage: Section = {
  name: "outage",
  async run(context) {
    const { options } = context;
    const database = await privatePostgres(options.ports.outagePostgres, options.logDir);
    const surge = await startSurge(database.url, options.ports.outageSurge, options, "surge-outage");
    const statuses: Record<string, number> = {};
    const created: string[] = [];
    let missingRetryAfter = 0;
    let restartedAt = 0;
    let firstAfterRestart = 0;
    let running = true;
    const worker = async () => {
      while (running) {
        try {
          const response = await send(surge.url, donationStart());
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status === 201) {
            created.push(((await response.json()) as { id: string }).id);
            if (restartedAt && !firstAfterRestart) firstAfterRestart = performance.now();
          } else {
            if (response.status === 503 && !response.headers.get("retry-after")) missingRetryAfter++;
            await response.arrayBuffer();
          }
        } catch {
          statuses.connection = (statuses.connection ?? 0) + 1;
        }
      }
    };
    try {
      const workers = Array.from({ length: WORKERS }, worker);
      await sleep(3_000);
      await database.stop();
      context.log(`outage: PostgreSQL stopped for ${options.outageSeconds} s`);
      await sleep(options.outageSeconds * 1000);
      await database.start();
      restartedAt = performance.now();
      for (const deadline = restartedAt + 30_000; !firstAfterRestart && performance.now() < deadline;)
        await sleep(100);
      await sleep(2_000);
      running = false;
      await Promise.all(workers);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ found: string }>(
        "SELECT count(*) AS found FROM donations WHERE id = ANY($1)",
        [created],
      );
      await client.end();
      const lost = created.length - Number(rows[0].found);
      const fiveHundreds = Object.entries(statuses)
        .filter(([status]) => Number(status) >= 500 && status !== "503")
        .reduce((sum, [, count]) => sum + count, 0);
      const answers = Object.entries(statuses)
        .map(([status, count]) => `${count} × ${status}`)
        .join(", ");
      context.log(`outage: ${answers}; ${lost} lost`);
      const recovery = firstAfterRestart ? ((firstAfterRestart - restartedAt) / 1000).toFixed(1) : "never";
      return [
        {
          what: `PostgreSQL stopped ${options.outageSeconds} s under donation load (${answers})`,
          target: "no 5xx but 503 with Retry-After",
          measured: `${fiveHundreds} × 5xx, ${missingRetryAfter} × 503 without Retry-After`,
          met: fiveHundreds === 0 && missingRetryAfter === 0 && !statuses.connection,
        },
        {
          what: "donations answered 201 but missing from the database",
          target: "0",
          measured: `${lost} of ${created.length}`,
          met: lost === 0,
        },
        {
          what: "donations accepted again after PostgreSQL restarts (breaker closes by itself)",
          target: "yes",
          measured: `after ${recovery} s`,
          met: firstAfterRestart > 0,
        },
      ];
    } finally {
      running = false;
      await surge.stop();
      await database.destroy();
    }
  },
};

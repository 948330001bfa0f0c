import pg from "pg";
import type { BenchContext } from "./context";
import type { BenchOptions } from "./options";
import { freshDatabase } from "./postgres";
import { seedWall, WALL_SAMPLE } from "./seed-wall";
import { summarizeProfiles } from "./profile-summary";
import { formatTable, writeReport, type Row } from "./report";
import {
  buildBare,
  buildSurge,
  prerenderedBytes,
  startBare,
  startNginx,
  startSurge,
  type Server,
} from "./servers";
import { sections } from "./sections";

const log = (line: string) => console.log(`bench: ${line}`);

export async function runBench(options: BenchOptions): Promise<boolean> {
  const database = await freshDatabase(options.adminDatabaseUrl, `surge_bench_${options.ports.surge}`);
  const servers: Server[] = [];
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // pool.end() resolves once its clients are told to close, not once they have: the DROP DATABASE ... WITH (FORCE)
  // that follows can still terminate one, and an 'error' event without a listener would end the run unreported.
  pool.on("error", () => {});
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    await seedWall(pool);
    if (!options.skipBuild) {
      log("building Surge (next build) on a fresh database with a full donor wall");
      await buildSurge(database.url, options);
    }
    // As the launch guide deploys it (README, "Deploying for a launch"): receipts are sent by a worker of their own,
    // so the thousands owed after the callbacks below are not rendered inside the server measured here.
    const surge = await startSurge(database.url, options.ports.surge, options, "surge", {
      RECEIPT_WORKER_IN_APP: "false",
    });
    servers.push(surge);
    const pageBytes = prerenderedBytes("en");
    if (!options.skipBuild) {
      log(`building the bare app with a page of about ${pageBytes} bytes`);
      await buildBare(pageBytes, options);
    }
    const bare = await startBare(options);
    servers.push(bare);
    const nginx = await startNginx(options).catch((error: Error) => {
      notes.push(`nginx did not start (${error.message}); its reference figure is missing.`);
      return undefined;
    });
    if (nginx) servers.push(nginx);
    const bareBytes = (await (await fetch(`${bare.url}/`)).arrayBuffer()).byteLength;
    const home = await (await fetch(`${surge.url}/en`)).text();
    if (!home.includes(WALL_SAMPLE.replace(/'/g, "&#x27;"))) throw new Error("the home page does not show the donor wall");
    notes.push("The home pages carry a full donor wall (8 donors with messages), written before the build.");
    notes.push(`Page sizes: Surge /en ${pageBytes} bytes, bare page ${bareBytes} bytes.`);

    const context: BenchContext = { options, surge, bare, nginx, db: pool, baselines: {}, notes, log };
    for (const section of sections) {
      const names = section.name.split("+");
      if (options.only.length && !names.some((name) => options.only.includes(name))) continue;
      log(`section ${section.name}`);
      rows.push(...(await section.run(context)));
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await pool.end();
    await database.drop();
  }
  if (options.profileDir) notes.push(...summarizeProfiles(options.profileDir));
  console.log(`\n${formatTable(rows)}\n`);
  const file = writeReport(rows, options, notes);
  log(`wrote ${file}`);
  return rows.every((row) => row.met !== false);
}

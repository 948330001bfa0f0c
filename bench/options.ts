import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

// `npm run bench -- [--seconds 10] [--warmup 3] [--outage-seconds 6] [--soak 600] [--skip-build] [--profile]
// [--only pages,api] [--port-base 4100]`. Every section's length comes from here, so a quick run during
// development and the full run use the same code.

export interface BenchOptions {
  /** Seconds of each throughput measurement. */
  seconds: number;
  /** Seconds of unmeasured load before each measurement, for the JIT. */
  warmup: number;
  connections: number;
  /** Seconds the private PostgreSQL stays stopped during the outage run. */
  outageSeconds: number;
  /** Seconds of the steady mixed soak; 0 skips it. */
  soakSeconds: number;
  /** Arrival rate of the fixed-rate donation run. */
  donationRate: number;
  skipBuild: boolean;
  /** Where `node --cpu-prof` writes Surge's profiles, when profiling. */
  profileDir?: string;
  /** Names of the sections to run; all when empty. */
  only: string[];
  ports: {
    surge: number;
    bare: number;
    nginx: number;
    outageSurge: number;
    outagePostgres: number;
    edge: number;
  };
  logDir: string;
  adminDatabaseUrl: string;
  command: string;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      connections: { type: "string", default: "50" },
      "outage-seconds": { type: "string", default: "6" },
      soak: { type: "string", default: "0" },
      "donation-rate": { type: "string", default: "600" },
      "skip-build": { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      only: { type: "string", default: "" },
      "port-base": { type: "string", default: process.env.BENCH_PORT_BASE || "4100" },
    },
  });
  const base = Number(values["port-base"]);
  const logDir = path.resolve("bench-results");
  mkdirSync(logDir, { recursive: true });
  return {
    seconds: Number(values.seconds),
    warmup: Number(values.warmup),
    connections: Number(values.connections),
    outageSeconds: Number(values["outage-seconds"]),
    soakSeconds: Number(values.soak),
    donationRate: Number(values["donation-rate"]),
    skipBuild: values["skip-build"],
    profileDir: values.profile ? path.join(logDir, "cpu-profiles") : undefined,
    only: values.only ? values.only.split(",") : [],
    ports: {
      surge: base + 1,
      bare: base + 2,
      nginx: base + 3,
      outageSurge: base + 4,
      outagePostgres: base + 5,
      edge: base + 6,
    },
    logDir,
    adminDatabaseUrl: process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
    command: ["npm run bench", ...(argv.length ? ["--", ...argv] : [])].join(" "),
  };
}

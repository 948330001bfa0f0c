import path from "node:path";
import { parseArgs } from "node:util";

// `npm run loadtest -- [--duration 60] [--connections 40 | --rate 800] [--donor-share 0.1] [--url URL]
// [--database-url URL] [--webhook-secret S] [--skip-build] [--port-base 3630] [--out loadtest-results]
// [--verify FILE]`.

export interface LoadtestOptions {
  duration: number;
  connections: number;
  /** Requests per second across the whole mix (a fixed arrival rate); as fast as possible when undefined. */
  rate?: number;
  /** Share of the connections (or of the rate) that are donors going through the checkout. */
  donorShare: number;
  /** A running deployment; when unset the load test builds and starts Surge itself. */
  url?: string;
  /** The deployment's database, read to prove nothing was lost (needed with --url). */
  databaseUrl?: string;
  /** Signs the gateway's duplicated and late callbacks; without it (with --url) none are sent. */
  webhookSecret?: string;
  skipBuild: boolean;
  portBase: number;
  outDir: string;
  /** Only verify the run recorded in this JSON file (after reconciliation), without sending load. */
  verifyFile?: string;
  adminDatabaseUrl: string;
  command: string;
}

export function parseLoadtestOptions(argv: string[]): LoadtestOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string", default: "60" },
      connections: { type: "string", default: "40" },
      rate: { type: "string" },
      "donor-share": { type: "string", default: "0.1" },
      url: { type: "string" },
      "database-url": { type: "string" },
      "webhook-secret": { type: "string" },
      "skip-build": { type: "boolean", default: false },
      "port-base": { type: "string", default: "3630" },
      out: { type: "string", default: "loadtest-results" },
      verify: { type: "string" },
    },
  });
  const donorShare = Number(values["donor-share"]);
  if (!(donorShare >= 0 && donorShare <= 1)) throw new Error("--donor-share must be between 0 and 1");
  if (values.url && !values["database-url"] && !values.verify)
    throw new Error("--url needs --database-url: the verification reads the deployment's database");
  return {
    duration: Number(values.duration),
    connections: Math.max(2, Number(values.connections)),
    rate: values.rate ? Number(values.rate) : undefined,
    donorShare,
    url: values.url?.replace(/\/$/, ""),
    databaseUrl: values["database-url"],
    webhookSecret: values["webhook-secret"],
    skipBuild: values["skip-build"],
    portBase: Number(values["port-base"]),
    outDir: path.resolve(values.out),
    verifyFile: values.verify,
    adminDatabaseUrl:
      process.env.LOADTEST_ADMIN_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
    command: ["npm run loadtest", ...(argv.length ? ["--", ...argv] : [])].join(" "),
  };
}

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { waitForHttp } from "../processes";
import { donorRequests, type DonorRun } from "./donor-flow";
import { chartSvg } from "./chart";
import { gatewayRetries } from "./gateway-retries";
import { browseMix, staticAssets } from "./mix";
import type { LoadtestOptions } from "./options";
import { createRecorder, type RouteFigures, type Second } from "./recorder";
import { checkList, routeTable } from "./report";
import { reconcileAll, startTarget, type Target } from "./target";
import { verifyRun, type Check } from "./verify";

const log = (line: string) => console.log(`loadtest: ${line}`);

export interface LoadtestRecord {
  startedAt: string;
  command: string;
  target: string;
  databaseUrl: string;
  durationSeconds: number;
  connections: number;
  rate?: number;
  donorShare: number;
  routes: RouteFigures[];
  timeline: Second[];
  donors: DonorRun & { retriesSent: number };
  verification: { passed: boolean; checks: Check[] };
}

/** Splits the connections (and the rate) between browsers and donors; each side gets at least one. */
function split(options: LoadtestOptions) {
  const donors =
    options.donorShare > 0 ? Math.max(1, Math.round(options.connections * options.donorShare)) : 0;
  const browsers = Math.max(1, options.connections - donors);
  const rates = options.rate
    ? { browsers: options.rate * (1 - options.donorShare), donors: options.rate * options.donorShare }
    : undefined;
  // autocannon gives each connection rate/connections, and a connection given 0 would run unthrottled.
  const fit = (connections: number, rate?: number) =>
    rate === undefined ? connections : Math.max(1, Math.min(connections, Math.floor(rate)));
  return {
    browsers: { connections: fit(browsers, rates?.browsers), rate: rates?.browsers },
    donors: { connections: donors ? fit(donors, rates?.donors) : 0, rate: rates?.donors },
  };
}

async function sendLoad(options: LoadtestOptions, target: Target) {
  const recorder = createRecorder();
  const assets = await staticAssets(target.url);
  const nextBrowse = browseMix(assets);
  const run: DonorRun = { created: [], choices: {}, pausedAnswers: 0 };
  const retries = target.webhookSecret
    ? gatewayRetries(target.url, target.webhookSecret, recorder)
    : undefined;
  if (!retries) log("no --webhook-secret: the gateway's duplicated and late callbacks are not sent");
  const shares = split(options);
  const common = { url: target.url, duration: options.duration, timeout: 10 };
  const browsers = autocannon({
    ...common,
    connections: shares.browsers.connections,
    ...(shares.browsers.rate ? { overallRate: Math.max(1, Math.round(shares.browsers.rate)) } : {}),
    requests: [
      {
        setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
          const next = nextBrowse();
          context.route = next.route;
          return { ...request, method: "GET", path: next.path };
        },
      },
    ],
  });
  const instances = [{ instance: browsers, donor: false }];
  if (shares.donors.connections) {
    const donors = autocannon({
      ...common,
      connections: shares.donors.connections,
      ...(shares.donors.rate ? { overallRate: Math.max(1, Math.round(shares.donors.rate)) } : {}),
      requests: donorRequests(
        run,
        { onCompleted: (sessionId, donation, choice) => retries?.schedule(sessionId, donation, choice) },
        target.url,
      ),
    });
    instances.push({ instance: donors, donor: true });
  }
  for (const { instance, donor } of instances) {
    instance.on("response", (client, status, _bytes, ms) =>
      recorder.record(String(client.requestIterator.context.route ?? "other"), status, ms, donor),
    );
    instance.on("reqError", () =>
      recorder.record(donor ? "donor connection" : "connection", "connection", 0, donor),
    );
  }
  const began = performance.now();
  const progress = setInterval(() => {
    const seconds = recorder.timeline();
    const last = seconds.at(-2) ?? seconds.at(-1);
    if (!last) return;
    const completed = Object.values(run.choices).filter((choice) => choice !== "abandon").length;
    log(
      `${Math.round((performance.now() - began) / 1000)} s: ${last.requests.toLocaleString("en")} req/s, ` +
        `p50 ${Math.round(last.p50)} ms, p99 ${Math.round(last.p99)} ms; donations ${run.created.length} started, ` +
        `${completed} completed on the gateway`,
    );
  }, 1_000);
  try {
    await Promise.all(instances.map(({ instance }) => instance));
  } finally {
    clearInterval(progress);
  }
  const elapsed = (performance.now() - began) / 1000;
  const retriesSent = (await retries?.drain()) ?? 0;
  return { recorder, run, elapsed, retriesSent };
}

async function verify(
  target: { databaseUrl: string; env: NodeJS.ProcessEnv },
  record: LoadtestRecord,
  outDir: string,
) {
  log("reconciling every pending donation with the gateway");
  await reconcileAll(target.env, outDir);
  const db = new pg.Pool({ connectionString: target.databaseUrl, max: 2 });
  try {
    return await verifyRun(db, record.donors, record.routes);
  } finally {
    await db.end();
  }
}

function writeResults(record: LoadtestRecord, outDir: string) {
  const json = path.join(outDir, "loadtest.json");
  const svg = path.join(outDir, "loadtest.svg");
  writeFileSync(json, `${JSON.stringify(record, null, 2)}\n`);
  const requests = record.routes.reduce((sum, route) => sum + route.requests, 0);
  const load = record.rate ? `${record.rate} req/s offered` : `${record.connections} connections`;
  writeFileSync(
    svg,
    chartSvg(
      record.timeline,
      `${record.startedAt.slice(0, 16).replace("T", " ")} UTC · ${record.durationSeconds} s · ${load} · ` +
        `${Math.round(record.donorShare * 100)} % donors · ${requests.toLocaleString("en")} requests · ` +
        `${record.donors.created.length} donations · nothing lost: ${record.verification.passed ? "yes" : "NO"}`,
    ),
  );
  return { json, svg };
}

export async function runLoadtest(options: LoadtestOptions): Promise<boolean> {
  mkdirSync(options.outDir, { recursive: true });
  if (options.verifyFile) {
    const record = JSON.parse(readFileSync(options.verifyFile, "utf8")) as LoadtestRecord;
    const databaseUrl = options.databaseUrl ?? record.databaseUrl;
    const checks = await verify(
      { databaseUrl, env: { ...process.env, DATABASE_URL: databaseUrl } },
      record,
      options.outDir,
    );
    console.log(`\n${checkList(checks)}`);
    return checks.every((check) => check.passed);
  }
  const startedAt = new Date().toISOString();
  const target = await startTarget(options, log);
  try {
    await waitForHttp(`${target.url}/api/health`);
    log(`${options.duration} s of launch-night traffic at ${target.url}`);
    const { recorder, run, elapsed, retriesSent } = await sendLoad(options, target);
    const record: LoadtestRecord = {
      startedAt,
      command: options.command,
      target: target.url,
      databaseUrl: target.databaseUrl,
      durationSeconds: Math.round(elapsed),
      connections: options.connections,
      rate: options.rate,
      donorShare: options.donorShare,
      routes: recorder.figures(elapsed),
      timeline: recorder.timeline(),
      donors: { ...run, retriesSent },
      verification: { passed: false, checks: [] },
    };
    const checks = await verify(target, record, options.outDir);
    record.verification = { passed: checks.every((check) => check.passed), checks };
    const files = writeResults(record, options.outDir);
    console.log(`\n${routeTable(record.routes)}\n`);
    console.log(
      `${run.created.length} donations started, ${retriesSent} duplicated or late gateway callbacks sent\n\n` +
        `${checkList(checks)}\n`,
    );
    log(`wrote ${files.json} and ${files.svg}`);
    log(record.verification.passed ? "nothing lost" : "SOMETHING WAS LOST (see above)");
    return record.verification.passed;
  } finally {
    await target.stop();
  }
}

import type pg from "pg";
import { load, type LoadOptions, type LoadResult } from "./load";
import { cpuMs } from "./processes";
import type { BenchOptions } from "./options";
import type { Row } from "./report";
import type { Server } from "./servers";

export interface BenchContext {
  options: BenchOptions;
  surge: Server;
  bare: Server;
  nginx?: Server;
  /** Surge's database, for preparing callbacks and checking the totals against the donations. */
  db: pg.Pool;
  /** Figures later sections compare with (the bare JSON route's req/s). */
  baselines: Record<string, number>;
  notes: string[];
  log: (line: string) => void;
}

/** One part of the benchmark. Sections run in order and may add rows; bench/sections/index.ts lists them. */
export interface Section {
  name: string;
  run: (context: BenchContext) => Promise<Row[]>;
}

export interface Target {
  label: string;
  url: string;
  /** The server process, whose CPU time per request is reported beside the throughput. */
  pid: number;
  request?: LoadOptions["request"];
}

export interface Measured extends LoadResult {
  /** Server CPU milliseconds per request: steadier than req/s on a machine shared with other work. */
  cpuMsPerRequest: number;
}

/**
 * Measures targets that are compared with one another: a warm-up for each, then `rounds` alternating slices of
 * the measured time, so a neighbour's burst of work on a shared machine hits every target alike.
 */
export async function measureTogether(
  context: BenchContext,
  targets: Target[],
  rounds = 3,
): Promise<Measured[]> {
  const { warmup, seconds, connections } = context.options;
  for (const target of targets) {
    if (warmup > 0) await load({ url: target.url, request: target.request, connections, duration: warmup });
  }
  const totals = targets.map(() => ({
    total: 0,
    seconds: 0,
    cpu: 0,
    p50: [] as number[],
    p99: 0,
    failures: 0,
  }));
  const statuses = targets.map(() => ({}) as Record<string, number>);
  const slice = Math.max(1, Math.round(seconds / rounds));
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) {
      const cpuBefore = cpuMs(target.pid);
      const result = await load({ url: target.url, request: target.request, connections, duration: slice });
      const sum = totals[index];
      sum.cpu += cpuMs(target.pid) - cpuBefore;
      sum.total += result.total;
      sum.seconds += result.total / Math.max(result.rps, 0.001);
      sum.p50.push(result.p50);
      sum.p99 = Math.max(sum.p99, result.p99);
      sum.failures += result.failures;
      for (const [code, count] of Object.entries(result.statuses))
        statuses[index][code] = (statuses[index][code] ?? 0) + count;
    }
  }
  return totals.map((sum, index) => ({
    rps: sum.total / sum.seconds,
    total: sum.total,
    p50: sum.p50.sort((a, b) => a - b)[Math.floor(sum.p50.length / 2)],
    p99: sum.p99,
    failures: sum.failures,
    statuses: statuses[index],
    cpuMsPerRequest: sum.cpu / Math.max(sum.total, 1),
  }));
}

export const perSecond = (value: number) => `${Math.round(value).toLocaleString("en")}/s`;
export const describe = (result: LoadResult | Measured) =>
  `${perSecond(result.rps)}, p50 ${result.p50} ms, p99 ${result.p99} ms` +
  ("cpuMsPerRequest" in result ? `, ${result.cpuMsPerRequest.toFixed(2)} ms CPU/req` : "") +
  (result.failures ? `, ${result.failures} failed` : "");
/** Throughput ratio alone, for figures measured without the server's CPU time. */
export const ratioOf = (value: LoadResult, base: LoadResult) => `${(value.rps / base.rps).toFixed(2)} ×`;
/** Throughput ratio, with the inverse ratio of CPU per request beside it. */
export const ratio = (value: Measured, base: Measured) =>
  `${(value.rps / base.rps).toFixed(2)} × (CPU ${(base.cpuMsPerRequest / value.cpuMsPerRequest).toFixed(2)} ×)`;

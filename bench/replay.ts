import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { LoadRequest, LoadResult } from "./load";

// Sends a fixed list of requests, each once, with wrk (Debian's, written in C). autocannon builds each request in
// JavaScript on this machine's two cores, beside the server it measures: at callback rates it took about a third
// of a core, and the server's throughput with it. wrk's cost per request is a fraction of that.

const SCRIPT = path.resolve(import.meta.dirname, "replay.lua");

function line({ method = "GET", path: target, headers = {}, body = "" }: LoadRequest): string {
  const fields = [
    method,
    target,
    Object.entries(headers)
      .map(([name, value]) => `${name}\x1f${value}`)
      .join("\x1e"),
    body,
  ];
  if (fields.some((field) => /[\t\n]/.test(field)))
    throw new Error(`cannot replay a request with a tab or newline`);
  return fields.join("\t");
}

const number = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);

/** wrk's latency figures are printed with units ("850.00us", "12.5ms", "1.20s"); milliseconds here. */
function milliseconds(text: string, percentile: string): number {
  const match = new RegExp(`^\\s*${percentile}%\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(text);
  if (!match) return NaN;
  const value = Number(match[1]);
  return Math.round(match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value);
}

export async function replay(options: {
  url: string;
  requests: LoadRequest[];
  connections: number;
  /** Where the request list is written for wrk to read. */
  file: string;
}): Promise<LoadResult> {
  writeFileSync(options.file, options.requests.map(line).join("\n"));
  const connections = Math.min(options.connections, options.requests.length);
  // A generous deadline: the script stops wrk once every request is answered.
  const seconds = Math.max(10, Math.ceil(options.requests.length / 100));
  const output = await new Promise<string>((resolve, reject) => {
    const wrk = spawn("wrk", [
      "-t1",
      `-c${connections}`,
      `-d${seconds}s`,
      "--latency",
      "-s",
      SCRIPT,
      options.url,
      "--",
      options.file,
    ]);
    let stdout = "";
    wrk.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      // Interrupted, wrk stops at once and reports the time it actually ran (replay.lua).
      if (chunk.includes("replay: all answered")) wrk.kill("SIGINT");
    });
    wrk.on("error", reject);
    wrk.on("exit", (code, signal) =>
      code === 0 || signal === "SIGINT"
        ? resolve(stdout)
        : reject(new Error(`wrk exited with ${code ?? signal}`)),
    );
  });
  const total = number(output, /(\d+) requests in/);
  const elapsed = /requests in ([\d.]+)(ms|s|m)/.exec(output);
  const seconds_ = elapsed
    ? Number(elapsed[1]) * (elapsed[2] === "ms" ? 0.001 : elapsed[2] === "m" ? 60 : 1)
    : NaN;
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0;
  const non2xx = number(output, /Non-2xx or 3xx responses: (\d+)/);
  return {
    rps: total / seconds_,
    total,
    p50: milliseconds(output, "50"),
    p99: milliseconds(output, "99"),
    failures: non2xx + errors,
    statuses: {},
  };
}

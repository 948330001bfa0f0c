import { execSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchOptions } from "./options";

// The table the benchmark prints and records in docs/benchmarks.md.

export interface Row {
  what: string;
  /** "≥ 0.9 × bare page", "p99 < 100 ms", or "" for a figure given for reference only. */
  target: string;
  measured: string;
  ratio?: string;
  /** Undefined for reference figures. */
  met?: boolean;
}

const verdict = (row: Row) => (row.met === undefined ? "" : row.met ? "met" : "MISSED");

export function formatTable(rows: Row[]): string {
  const header = ["what", "target", "measured", "ratio", "result"];
  const lines = rows.map((row) => [row.what, row.target, row.measured, row.ratio ?? "", verdict(row)]);
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...lines.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n");
}

function machine(): string {
  const cpu = cpus();
  const git = (command: string) => execSync(`git ${command}`, { encoding: "utf8" }).trim();
  const dirty = git("status --porcelain") ? " (with uncommitted changes)" : "";
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Commit: ${git("rev-parse --short HEAD")}${dirty}`,
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, shared with other work`,
    `- Runtime: Node.js ${process.version}`,
  ].join("\n");
}

export function writeReport(rows: Row[], options: BenchOptions, notes: string[]): string {
  const file = path.resolve("docs/benchmarks.md");
  const missed = rows.filter((row) => row.met === false).length;
  const body = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts, bench/). Ratios compare servers measured in one run on one machine;
the absolute figures depend on the machine and on whatever else it was doing. See
[docs/profile.md](profile.md) for where the time goes.

${machine()}
- Command: \`${options.command}\`
- Load: autocannon, ${options.connections} connections, ${options.warmup} s warm-up then ${options.seconds} s per figure

${formatTable(rows)}

${missed ? `${missed} target(s) missed.` : "Every target met."}

${notes.map((note) => `- ${note}`).join("\n")}
`;
  writeFileSync(file, body);
  return file;
}

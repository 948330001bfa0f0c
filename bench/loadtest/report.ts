import type { RouteFigures } from "./recorder";
import type { Check } from "./verify";

// The tables printed at the end of a run.

const pad = (cells: string[], widths: number[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");

export function routeTable(routes: RouteFigures[]): string {
  const header = ["route", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors by status"];
  const rows = routes.map((route) => [
    route.route,
    route.requests.toLocaleString("en"),
    route.rps.toFixed(1),
    String(Math.round(route.p50)),
    String(Math.round(route.p95)),
    String(Math.round(route.p99)),
    Object.entries(route.errors)
      .map(([status, count]) => `${status}×${count}`)
      .join(" ") || "-",
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  return [
    pad(header, widths),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map((row) => pad(row, widths)),
  ].join("\n");
}

export function checkList(checks: Check[]): string {
  return checks.map((check) => `${check.passed ? "✓" : "✗"} ${check.name}: ${check.detail}`).join("\n");
}

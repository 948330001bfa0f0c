import { parseArgs } from "node:util";
import { DonationStatus } from "@/lib/generated/prisma/enums";
import type { ExportFilter } from "./donations-csv";

const STATUSES: readonly DonationStatus[] = Object.values(DonationStatus);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | undefined, name: string): Date {
  const date = value && DAY.test(value) ? new Date(`${value}T00:00:00.000Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new Error(`--${name} must be a date like 2026-11-01`);
  }
  return date;
}

/**
 * `--from 2026-11-01 --to 2026-11-30 [--status succeeded]`: both days included, in UTC (donations are stored and
 * totalled in UTC, so a month's export adds up to the same figures wherever it is run).
 */
export function parseExportArguments(args: string[]): ExportFilter {
  const { values } = parseArgs({
    args,
    options: { from: { type: "string" }, to: { type: "string" }, status: { type: "string" } },
    strict: true,
  });
  const from = day(values.from, "from");
  const to = new Date(day(values.to, "to").getTime() + 86_400_000);
  if (to <= from) throw new Error("--to must not be before --from");
  const status = values.status as DonationStatus | undefined;
  if (status !== undefined && !STATUSES.includes(status)) {
    throw new Error(`--status must be one of ${STATUSES.join(", ")}`);
  }
  return { from, to, status };
}

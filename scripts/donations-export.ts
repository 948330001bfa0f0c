// npm run donations:export -- --from 2026-11-01 --to 2026-11-30 [--status succeeded] > donations.csv
// Writes one CSV row per donation to stdout, streamed in batches; the row count and sums go to stderr.
import { once } from "node:events";
import { disconnectDb, getDb } from "@/lib/db/client";
import { donationsCsv } from "@/lib/export/donations-csv";
import { parseExportArguments } from "@/lib/export/export-arguments";

try {
  const filter = parseExportArguments(process.argv.slice(2));
  let rows = -1;
  for await (const line of donationsCsv(getDb(), filter)) {
    rows += 1;
    // Waits for the pipe to drain, so a million rows never pile up in memory behind a slow consumer.
    if (!process.stdout.write(line)) await once(process.stdout, "drain");
  }
  console.error(
    `donations:export: ${rows} donation(s) created ${filter.from.toISOString()} – ${filter.to.toISOString()}` +
      (filter.status ? ` with status ${filter.status}` : ""),
  );
} catch (error) {
  console.error(`donations:export failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { newDonationId } from "@/lib/donations/donation-id";
import { settleDonation, type Settlement } from "@/lib/donations/settle-donation";
import { settleRefund } from "@/lib/donations/settle-refund";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { csvCell } from "./csv";
import { donationsCsv, EXPORT_COLUMNS } from "./donations-csv";
import { parseExportArguments } from "./export-arguments";

const db = getDb();

/** A strict RFC 4180 reader: every field quoted, "" inside, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let j = i + 1;
    let field = "";
    for (;;) {
      const quote = text.indexOf('"', j);
      field += text.slice(j, quote);
      if (text[quote + 1] === '"') {
        field += '"';
        j = quote + 2;
      } else {
        i = quote + 1;
        break;
      }
    }
    record.push(field);
    if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      expect(text[i]).toBe(",");
      i += 1;
    }
  }
  return records;
}

async function exportText(args: string[], batchSize?: number) {
  let text = "";
  for await (const line of donationsCsv(db, parseExportArguments(args), batchSize)) text += line;
  return text;
}

async function donation(
  createdAt: string,
  fields: Partial<{
    status: DonationStatus;
    name: string;
    email: string;
    anonymous: boolean;
    fee: number;
    amount: number;
  }> = {},
) {
  const { status = "pending", amount = 2500, fee = 0, ...donor } = fields;
  const row = await db.donation.create({
    data: {
      id: newDonationId(),
      campaign: "launch",
      amount,
      fee,
      currency: "EUR",
      gateway: "sandbox",
      gatewaySessionId: `sess_${Math.random().toString(36).slice(2)}`,
      locale: "fr",
      donorName: donor.name,
      donorEmail: donor.email,
      anonymous: donor.anonymous ?? false,
      createdAt: new Date(createdAt),
    },
  });
  // Succeeded donations go through the real status change, so the running total counts them.
  if (status !== "pending")
    await settleDonation({
      donation: row,
      to: status as Settlement["to"],
      reported: { amount: amount + fee, currency: "EUR" },
    });
  return row;
}

describe("csvCell", () => {
  it.each([
    ["plain", '"plain"'],
    ['say "hi", then\r\nleave', '"say ""hi"", then\r\nleave"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+33 1 23", '"\'+33 1 23"'],
    ["-2+3", '"\'-2+3"'],
    ["@SUM(A1)", '"\'@SUM(A1)"'],
    [2500, '"2500"'],
    [null, '""'],
  ])("writes %j as %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe("donationsCsv", () => {
  let named: Awaited<ReturnType<typeof donation>>;
  let hidden: Awaited<ReturnType<typeof donation>>;

  beforeAll(async () => {
    await donation("2026-10-31T23:59:59.999Z", { status: "succeeded", name: "Before" });
    named = await donation("2026-11-01T00:00:00.000Z", {
      status: "succeeded",
      name: '=cmd|"/c calc"',
      email: "ada@example.org",
      fee: 54,
    });
    hidden = await donation("2026-11-15T12:00:00.000Z", {
      status: "succeeded",
      name: "Secret Name",
      email: "secret@example.org",
      anonymous: true,
    });
    for (let day = 10; day < 17; day += 1)
      await donation(`2026-11-${day}T08:00:00.000Z`, { status: "failed", name: "Line\nbreak, comma" });
    await donation("2026-11-30T23:59:59.999Z", { amount: 1000, name: "Last" });
    await donation("2026-12-01T00:00:00.000Z", { status: "succeeded", name: "After" });
  });

  it("writes one row per donation created in the days given, both included, with the columns in order", async () => {
    const [header, ...rows] = parseCsv(await exportText(["--from", "2026-11-01", "--to", "2026-11-30"]));
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual([
      named.id,
      "2026-11-01T00:00:00.000Z",
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      "succeeded",
      "2500",
      "54",
      "2554",
      "0",
      "2500",
      "EUR",
      "sandbox",
      named.gatewaySessionId,
      "fr",
      "false",
      `'=cmd|"/c calc"`,
      "ada@example.org",
      "",
    ]);
    expect(rows.at(-1)).toEqual(expect.arrayContaining(["pending", "1000", "Last"]));
    expect(rows.filter((row) => row[14] === "Line\nbreak, comma")).toHaveLength(7);
  });

  it("never writes an anonymous donor's name or email", async () => {
    const text = await exportText(["--from", "2026-11-01", "--to", "2026-11-30"]);
    expect(text).not.toContain("Secret Name");
    expect(text).not.toContain("secret@example.org");
    const row = parseCsv(text).find((cells) => cells[0] === hidden.id)!;
    expect(row.slice(13, 16)).toEqual(["true", "", ""]);
  });

  it("gives every row exactly once across batch boundaries, and the same as one batch", async () => {
    const args = ["--from", "2026-10-01", "--to", "2026-12-31"];
    expect(await exportText(args, 3)).toBe(await exportText(args, 1_000));
    const ids = parseCsv(await exportText(args, 2))
      .slice(1)
      .map((row) => row[0]);
    expect(new Set(ids).size).toBe(12);
  });

  it("adds up, for succeeded donations, to the running total the site shows", async () => {
    const rows = parseCsv(
      await exportText(["--from", "2000-01-01", "--to", "2099-12-31", "--status", "succeeded"]),
    ).slice(1);
    expect(rows.every((row) => row[3] === "succeeded")).toBe(true);
    const total = await db.campaignTotal.aggregate({
      where: { campaign: "launch" },
      _sum: { raised: true, donors: true },
    });
    expect(rows.reduce((sum, row) => sum + Number(row[4]), 0)).toBe(Number(total._sum.raised));
    expect(rows).toHaveLength(total._sum.donors ?? 0);
  });

  it("adds up its counted column to the running total, with refunds taken out", async () => {
    await settleRefund({
      donation: named,
      refundedCharge: 1000,
      reported: { amount: named.amount + named.fee, currency: "EUR" },
      event: { eventId: "evt_export_refund", type: "refund", payload: {} },
    });
    const rows = parseCsv(await exportText(["--from", "2000-01-01", "--to", "2099-12-31"])).slice(1);
    const column = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]);
    const refunded = rows.find((row) => row[0] === named.id)!;
    expect(refunded[column("status")]).toBe("partially_refunded");
    expect([refunded[column("refunded")], refunded[column("counted")]]).toEqual(["1000", "1500"]);
    const total = await db.campaignTotal.aggregate({ _sum: { raised: true } });
    expect(rows.reduce((sum, row) => sum + Number(row[column("counted")]), 0)).toBe(
      Number(total._sum.raised),
    );
  });

  it.each([
    [["--from", "2026-11-01"], "--to must be a date"],
    [["--from", "2026-11-31", "--to", "2026-12-01"], "--from must be a date"],
    [["--from", "2026-11-02", "--to", "2026-11-01"], "--to must not be before --from"],
    [["--from", "2026-11-01", "--to", "2026-11-30", "--status", "paid"], "--status must be one of"],
    [["--from", "2026-11-01", "--to", "2026-11-30", "--limit", "3"], "Unknown option"],
  ])("refuses %j", (args, message) => {
    expect(() => parseExportArguments(args)).toThrow(message);
  });

  it("runs as npm run donations:export, CSV to stdout and a summary to stderr", async () => {
    const { stdout, stderr } = await promisify(execFile)(
      "npx",
      [
        "tsx",
        "--import",
        "./lib/server-process.ts",
        "scripts/donations-export.ts",
        "--from",
        "2026-11-15",
        "--to",
        "2026-11-15",
        "--status",
        "succeeded",
      ],
      { env: { ...process.env } },
    );
    expect(parseCsv(stdout).map((row) => row[0])).toEqual(["id", hidden.id]);
    expect(stderr).toContain("1 donation(s)");
  });
});

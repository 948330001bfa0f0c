import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { newDonationId } from "@/lib/donations/donation-id";
import type { DonationStatus } from "@/lib/generated/prisma/client";
import { readLatestDonors } from "./latest-donors";

const db = getDb();
let minutes = 0;

async function donation(fields: {
  status?: DonationStatus;
  name?: string;
  email?: string;
  anonymous?: boolean;
  message?: string;
  showAmount?: boolean;
  campaign?: string;
  refundedAmount?: number;
}) {
  const { status = "succeeded", campaign = "launch", refundedAmount = 0, ...donor } = fields;
  minutes += 1;
  await db.donation.create({
    data: {
      id: newDonationId(),
      campaign,
      amount: 2500,
      fee: 54,
      currency: "EUR",
      gateway: "sandbox",
      locale: "en",
      status,
      donorName: donor.name,
      donorEmail: donor.email,
      anonymous: donor.anonymous ?? false,
      message: donor.message,
      showAmount: donor.showAmount ?? false,
      refundedAmount,
      completedAt: status === "pending" ? null : new Date(Date.UTC(2026, 10, 20, 12, minutes)),
    },
  });
}

describe("readLatestDonors", () => {
  beforeEach(async () => {
    await db.donation.deleteMany();
    minutes = 0;
  });

  it("lists succeeded donations newest first, with the amount only when the donor agreed to show it", async () => {
    await donation({ name: "Amira", message: "For the school in Tiznit", showAmount: true });
    await donation({ name: "Louis" });
    await donation({ status: "failed", name: "Declined" });
    await donation({ status: "pending", name: "Waiting" });
    await donation({ name: "Other campaign", campaign: "another" });
    await donation({ message: "<a href=//x>win</a>", showAmount: true });

    expect(await readLatestDonors()).toEqual([
      { name: null, anonymous: false, message: "<a href=//x>win</a>", amount: 2500, currency: "EUR" },
      { name: "Louis", anonymous: false, message: null, amount: null, currency: "EUR" },
      { name: "Amira", anonymous: false, message: "For the school in Tiznit", amount: 2500, currency: "EUR" },
    ]);
  });

  it("never returns an anonymous donor's name or anyone's email or donation id", async () => {
    await donation({
      name: "Secret Name",
      email: "secret@example.org",
      anonymous: true,
      message: "Good luck",
    });
    await donation({ name: "Ada", email: "ada@example.org" });

    const entries = await readLatestDonors();
    expect(entries[0]).toEqual({
      name: "Ada",
      anonymous: false,
      message: null,
      amount: null,
      currency: "EUR",
    });
    expect(entries[1]).toEqual({
      name: null,
      anonymous: true,
      message: "Good luck",
      amount: null,
      currency: "EUR",
    });
    const ids = (await db.donation.findMany({ select: { id: true } })).map((row) => row.id);
    const served = JSON.stringify(entries);
    for (const secret of ["Secret Name", "secret@example.org", "ada@example.org", ...ids]) {
      expect(served).not.toContain(secret);
    }
  });

  it("hides a gift given back whole or held for review, and shows what remains of one partly given back", async () => {
    await donation({ name: "Kept", showAmount: true });
    await donation({ status: "refunded", refundedAmount: 2500, name: "Refunded", showAmount: true });
    await donation({ status: "partially_refunded", refundedAmount: 1000, name: "Partly", showAmount: true });
    await donation({ status: "needs_review", name: "Review", showAmount: true });

    expect(await readLatestDonors()).toEqual([
      { name: "Partly", anonymous: false, message: null, amount: 1500, currency: "EUR" },
      { name: "Kept", anonymous: false, message: null, amount: 2500, currency: "EUR" },
    ]);
  });

  it("shows at most the latest few", async () => {
    for (let i = 0; i < 12; i += 1) await donation({ name: `Donor ${i}` });
    const entries = await readLatestDonors(8);
    expect(entries.map((entry) => entry.name)).toEqual(
      Array.from({ length: 8 }, (_, i) => `Donor ${11 - i}`),
    );
  });
});

import { describe, expect, it } from "vitest";
import { getSql, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { newDonationId } from "@/lib/donations/donation-id";
import { receiptMessageId, receiptMessageIdSql } from "./enqueue-receipt";

describe("receiptMessageIdSql", () => {
  it("is the Message-ID receiptMessageId gives, for the statement that settles a callback", async () => {
    const ids = Array.from({ length: 50 }, () => newDonationId());
    const rows = await queryRows<{ id: string; message_id: string }>(
      getSql(),
      Prisma.sql`SELECT id, ${receiptMessageIdSql(Prisma.sql`id`)} AS message_id FROM unnest(${ids}::text[]) AS id`,
    );
    expect(rows.map((row) => row.message_id)).toEqual(ids.map((id) => receiptMessageId(id)));
  });
});

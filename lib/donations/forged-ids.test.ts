import { afterAll, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address-hook";

// The database this file uses sits behind a TCP hop it can cut: with it cut, any query fails, so an answer that
// comes back proves that no query was made. Set up before lib/env.ts reads DATABASE_URL.
const hop = await vi.hoisted(async () => {
  process.env.RATE_LIMIT_RESULTS_PER_MINUTE = "3";
  const { startCuttableProxy } = await import("@/lib/testing/cuttable-tcp-proxy");
  const url = new URL(process.env.DATABASE_URL as string);
  const proxy = await startCuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.host = `127.0.0.1:${proxy.port}`;
  process.env.DATABASE_URL = url.toString();
  return proxy;
});

const { isIssuedDonationId, newDonationId } = await import("./donation-id");
const { lookUpReceipt } = await import("./donation-receipt");
const { returnDestination } = await import("./return-destination");
const { startedDonation } = await import("@/lib/testing/donations/started-donation");

const { getDb } = await import("@/lib/db/client");
afterAll(() => hop.close());

/** Cuts the hop for `during`, then lets the pool replace the connections the cut killed. */
async function withDatabaseCut<T>(during: () => Promise<T>): Promise<T> {
  hop.cut();
  try {
    return await during();
  } finally {
    hop.restore();
    for (let attempt = 0; attempt < 5; attempt++) {
      if (
        await getDb().$queryRaw`SELECT 1`.then(
          () => true,
          () => false,
        )
      )
        break;
    }
  }
}

let peers = 0;
const freshClient = () => new Headers({ [PEER_ADDRESS_HEADER]: `203.0.113.${++peers}` });
const forged = [
  ["a malformed id", "don_123"],
  ["a well-formed id with a wrong tag", `${newDonationId().slice(0, -4)}AAAA`],
  ["a well-formed id of random characters", "don_abcdefghijklmnopqrstuvwxyz012345"],
];

describe("donation ids", () => {
  it("are told apart from ids this site never issued", () => {
    expect(isIssuedDonationId(newDonationId())).toBe(true);
    for (const [, id] of forged) expect(isIssuedDonationId(id)).toBe(false);
  });
});

describe("an id this site never issued", () => {
  it.each(forged)("costs the success page no query: %s", async (_case, id) => {
    expect(await withDatabaseCut(() => lookUpReceipt(id, freshClient()))).toEqual({ kind: "unknown" });
  });

  it.each(forged)("costs the gateway's return no query: %s", async (_case, id) => {
    expect(
      await withDatabaseCut(() => returnDestination({ donationId: id, sessionId: null }, freshClient())),
    ).toBe("/en/donate/error?reason=unknown");
  });
});

describe("lookUpReceipt", () => {
  it("finds an issued donation, then tells a client past its limit to wait without a query", async () => {
    const donation = await startedDonation();
    const client = freshClient();
    for (let i = 0; i < 3; i++) expect((await lookUpReceipt(donation.id, client)).kind).toBe("found");
    expect((await lookUpReceipt(donation.id, freshClient())).kind).toBe("found");

    expect(await withDatabaseCut(() => lookUpReceipt(donation.id, client))).toMatchObject({
      kind: "limited",
    });
  });
});

describe("returnDestination", () => {
  it("answers a client past its limit with rate_limited", async () => {
    const donation = await startedDonation();
    const client = freshClient();
    const params = { donationId: donation.id, sessionId: donation.gatewaySessionId };
    for (let i = 0; i < 3; i++) await returnDestination(params, client);

    await expect(returnDestination(params, client)).rejects.toMatchObject({ code: "rate_limited" });
  });
});

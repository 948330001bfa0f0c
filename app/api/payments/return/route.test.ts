import { beforeEach, describe, expect, it } from "vitest";
import { POST as choose } from "@/app/api/sandbox/checkout/[sessionId]/route";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { gatewayBreaker } from "@/lib/resilience/breakers";
import { startedDonation, totalsAndTruth } from "@/lib/testing/donations/started-donation";
import { GET } from "./route";

const db = getDb();

beforeEach(async () => {
  await db.paymentEvent.deleteMany();
  await db.donation.deleteMany();
  await db.campaignTotal.deleteMany();
});

/** The donor presses a button on the sandbox page; its callback to APP_URL finds no server here and is lost. */
async function pressSandboxButton(sessionId: string, choice: string) {
  const request = new Request(`${env.APP_URL}/api/sandbox/checkout/${sessionId}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: env.APP_URL },
    body: new URLSearchParams({ choice }).toString(),
  });
  return choose(request, { params: Promise.resolve({ sessionId }) });
}

const returnTo = (query: string, headers: Record<string, string> = {}) =>
  GET(new Request(`${env.APP_URL}/api/payments/return?${query}`, { headers }));
const returnFrom = (donation: { id: string; gatewaySessionId: string | null }) =>
  returnTo(`donation=${donation.id}&session=${donation.gatewaySessionId}`);

describe("GET /api/payments/return", () => {
  it("confirms a paid donation whose callback has not arrived and sends the donor to the success page", async () => {
    const donation = await startedDonation();
    const back = await pressSandboxButton(donation.gatewaySessionId!, "pay");
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe(
      `${env.APP_URL}/api/payments/return?donation=${donation.id}&session=${donation.gatewaySessionId}`,
    );

    const response = await returnFrom(donation);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/en/donate/success?donation=${donation.id}`);
    expect((await totalsAndTruth()).total).toEqual({ raised: 2500, donors: 1 });
  });

  it.each([
    ["decline", "/en/donate/error?reason=declined", "failed"],
    ["cancel", "/en/donate/error?reason=cancelled", "cancelled"],
  ])("sends the donor who pressed %s to the error page", async (choice, location, status) => {
    const donation = await startedDonation();
    await pressSandboxButton(donation.gatewaySessionId!, choice);

    const response = await returnFrom(donation);

    expect(response.headers.get("location")).toBe(location);
    expect(await db.donation.findUnique({ where: { id: donation.id } })).toMatchObject({ status });
  });

  it("does not take the outcome from the browser: an unpaid checkout stays pending", async () => {
    const donation = await startedDonation();

    const response = await returnFrom(donation);

    expect(response.headers.get("location")).toBe(`/en/donate/success?donation=${donation.id}`);
    expect(await db.donation.findUnique({ where: { id: donation.id } })).toMatchObject({ status: "pending" });
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });

  it.each([
    ["no donation", "session=sbx_unknown"],
    ["an empty donation", "donation="],
    ["a malformed donation", `donation=${"x".repeat(500)}`],
    ["a well-formed id this site never issued", "donation=don_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
  ])("sends a return naming %s to the error page", async (_case, query) => {
    const response = await returnTo(query);

    expect(response.headers.get("location")).toBe("/en/donate/error?reason=unknown");
  });

  it("refuses a session that is not the donation's own", async () => {
    const [mine, other] = [await startedDonation(), await startedDonation()];

    const response = await returnTo(`donation=${mine.id}&session=${other.gatewaySessionId}`);

    expect(response.headers.get("location")).toBe("/en/donate/error?reason=unknown");
  });

  it("records only the first button pressed on a sandbox checkout", async () => {
    const donation = await startedDonation();
    await pressSandboxButton(donation.gatewaySessionId!, "decline");
    await pressSandboxButton(donation.gatewaySessionId!, "pay");

    await returnFrom(donation);

    expect(await db.donation.findUnique({ where: { id: donation.id } })).toMatchObject({ status: "failed" });
  });

  // Last: it leaves the process's gateway breaker open.
  it("the return while the gateway breaker is open sends the donor to the pending page", async () => {
    const donation = await startedDonation();
    await pressSandboxButton(donation.gatewaySessionId!, "pay");
    for (let i = 0; i < 100 && gatewayBreaker.state() !== "open"; i++) {
      await gatewayBreaker.run(() => Promise.reject(new Error("gateway down"))).catch(() => {});
    }
    expect(gatewayBreaker.state()).toBe("open");

    const response = await returnFrom(donation);

    // The gateway would report the payment made, but it is not asked: the donor waits on the success page, which
    // shows a pending donation as pending, and the callback or the reconciler settles it later.
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/en/donate/success?donation=${donation.id}`);
    expect(await db.donation.findUnique({ where: { id: donation.id } })).toMatchObject({ status: "pending" });
    expect((await totalsAndTruth()).total).toEqual({ raised: 0, donors: 0 });
  });
});

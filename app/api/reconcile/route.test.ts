import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { RECONCILE_LOCK } from "@/lib/donations/reconcile-lock";
import { startedDonation } from "@/lib/testing/donations/started-donation";
import { env, secrets } from "@/lib/env";
import { gatewayBreaker } from "@/lib/resilience/breakers";
import { POST } from "./route";

const reconcile = (headers: Record<string, string>) =>
  POST(new Request(`${env.APP_URL}/api/reconcile`, { method: "POST", headers }));
const authorized = { Authorization: `Bearer ${secrets.reconcile}` };

/** Another reconciler (another instance, or `npm run reconcile`) holding the lock on its own connection. */
async function holdLockElsewhere() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1, $2)", [RECONCILE_LOCK.namespace, RECONCILE_LOCK.key]);
  return { release: () => client.end() };
}

let holder: { release(): Promise<void> } | null = null;
afterEach(async () => {
  await holder?.release();
  holder = null;
});

describe("POST /api/reconcile", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong secret", { Authorization: "Bearer wrong-secret" }],
    ["the secret without the Bearer scheme", { Authorization: secrets.reconcile }],
    ["a prefix of the secret", { Authorization: `Bearer ${secrets.reconcile.slice(0, -1)}` }],
  ])("refuses %s with 401", async (_case, headers) => {
    const response = await reconcile(headers);

    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("runs the reconciler for a caller holding the secret", async () => {
    const response = await reconcile(authorized);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ checked: 0, errors: 0, deferred: 0 });
  });

  it("refuses a second run while another holds the lock, with 409 and Retry-After", async () => {
    holder = await holdLockElsewhere();

    const response = await reconcile(authorized);

    expect(response.status).toBe(409);
    expect(response.headers.get("retry-after")).toBe("60");
    expect((await response.json()).error.code).toBe("reconcile_in_progress");
    await holder.release();
    holder = null;
    expect((await reconcile(authorized)).status).toBe(200);
  });

  it("refuses a caller without the secret before it looks at the lock", async () => {
    holder = await holdLockElsewhere();

    expect((await reconcile({ Authorization: "Bearer wrong-secret" })).status).toBe(401);
  });

  it("never runs twice at once within one instance either", async () => {
    const [first, second] = await Promise.all([reconcile(authorized), reconcile(authorized)]);

    expect([first.status, second.status].sort()).toEqual([200, 409]);
  });

  // Last: it leaves the process's gateway breaker open.
  it("asks the gateway through its breaker: while it is open, pending donations are deferred, not asked", async () => {
    const donation = await startedDonation();
    await getDb().donation.update({
      where: { id: donation.id },
      data: { createdAt: new Date(Date.now() - 2 * env.RECONCILE_PENDING_AGE_MINUTES * 60_000) },
    });
    for (let i = 0; i < 100 && gatewayBreaker.state() !== "open"; i++) {
      await gatewayBreaker.run(() => Promise.reject(new Error("gateway down"))).catch(() => {});
    }

    const response = await reconcile(authorized);

    expect(await response.json()).toMatchObject({ checked: 1, deferred: 1, pending: 0 });
    expect(await getDb().donation.findUnique({ where: { id: donation.id } })).toMatchObject({
      status: "pending",
    });
  });
});

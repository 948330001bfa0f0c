import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack, type LocalStack } from "./local-stack";

// The shipped edge configuration, for real: Debian's nginx with surge.conf.template in front of two instances of
// the production build (scripts/test-all.sh runs this after Playwright, which leaves the build behind).
const PORT_BASE = Number(process.env.EDGE_TEST_PORT_BASE || 3660);
const dir = mkdtempSync(path.join(tmpdir(), "surge-edge-"));
// mkdtemp makes it private to us; nginx's workers run as another user and must reach the cache inside.
chmodSync(dir, 0o755);
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ portBase: PORT_BASE, dir });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (stack) {
    const admin = new pg.Client({ connectionString: stack.databaseUrl.replace(/\/[^/]+$/, "/postgres") });
    await admin.connect();
    const name = new URL(stack.databaseUrl).pathname.slice(1);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
  }
  rmSync(dir, { recursive: true, force: true });
});

const get = async (pathname: string) => {
  const response = await fetch(`${stack.edge.url}${pathname}`, { redirect: "manual" });
  return {
    status: response.status,
    cache: response.headers.get("x-cache-status"),
    body: await response.text(),
  };
};

const startDonation = (name: string) =>
  fetch(`${stack.edge.url}/api/donations`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: stack.edge.url },
    body: JSON.stringify({ amount: 2500, currency: "EUR", locale: "en", name, email: "edge@example.org" }),
  });

describe("nginx in front of two instances", () => {
  it("caches a page for as long as its s-maxage says: a miss, then hits", async () => {
    const first = await get("/fr/about");
    expect(first.status).toBe(200);
    expect(first.cache).toBe("MISS");
    const second = await get("/fr/about");
    expect(second.cache).toBe("HIT");
    expect(second.body).toBe(first.body);
    expect(second.body).toContain('lang="fr"');
  });

  it("never caches a private page", async () => {
    const first = await get("/en/donate/success");
    const second = await get("/en/donate/success");
    expect([first.cache, second.cache]).not.toContain("HIT");
  });

  it("passes donations through uncached to an instance, which records each one", async () => {
    const answers = await Promise.all([startDonation("Edge One"), startDonation("Edge Two")]);
    const bodies = await Promise.all(answers.map((answer) => answer.json() as Promise<{ id: string }>));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(answers.map((answer) => answer.headers.get("x-cache-status"))).toEqual([null, null]);
    expect(bodies[0].id).not.toBe(bodies[1].id);
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        "SELECT donor_name FROM donations WHERE id = ANY($1) ORDER BY donor_name",
        [bodies.map((body) => body.id)],
      );
      expect(rows.map((row) => row.donor_name)).toEqual(["Edge One", "Edge Two"]);
    } finally {
      await db.end();
    }
  });

  it("answers a flood from one address with 429 at the edge, before any instance", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () =>
        fetch(`${stack.edge.url}/api/donations`, { method: "POST", body: "{" }).then(
          (response) => response.status,
        ),
      ),
    );
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });

  it("serves cached pages, stale if need be, while every instance is down", async () => {
    expect((await get("/en")).status).toBe(200);
    expect((await get("/en/about")).status).toBe(200);
    await Promise.all(stack.instances.map((instance) => instance.stop()));
    // Usually past /en's s-maxage (the totals interval), so the copy served is a stale one; a copy the build
    // answered with a longer lifetime may still be fresh. Either way no instance is asked.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    const home = await get("/en");
    expect(home.status).toBe(200);
    expect(["STALE", "HIT"]).toContain(home.cache);
    expect(home.body).toContain('lang="en"');
    const about = await get("/en/about");
    expect(about.status).toBe(200);
    expect(about.cache).toBe("HIT");
    // A page nobody visited before the outage has no copy: the edge says the instances are gone.
    expect((await get("/ar/contact")).status).toBe(502);
  });
});

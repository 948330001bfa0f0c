import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { env, secrets } from "@/lib/env";
import { callbackRequest } from "@/lib/testing/donations/donation-requests";
import { startedDonation } from "@/lib/testing/donations/started-donation";
import { POST as startDonation } from "./donations/route";
import { GET as donationsStatus } from "./donations/status/route";
import { GET as health } from "./health/route";
import { POST as mollieCallback } from "./payments/callback/mollie/route";
import { POST as callback } from "./payments/callback/route";
import { POST as stripeCallback } from "./payments/callback/stripe/route";
import { GET as paymentReturn } from "./payments/return/route";
import { GET as ready } from "./ready/route";
import { POST as reconcile } from "./reconcile/route";
import { POST as sandboxChoice } from "./sandbox/checkout/[sessionId]/route";

// Every route handler that runs per request goes through withRequestLogging: the response names the request, and
// the server's log line for it carries the same id. /api/totals is the exception: a static route answered from
// the cache runs no code per request (its id comes from the server's request-id hook).
const url = (pathAndQuery: string) => `${env.APP_URL}${pathAndQuery}`;
const routes: Record<string, () => Promise<Response>> = {
  "POST /api/donations": () =>
    startDonation(new Request(url("/api/donations"), { method: "POST", body: "{not json" })),
  "GET /api/donations/status": () => donationsStatus(new Request(url("/api/donations/status"))),
  "GET /api/health": () => health(new Request(url("/api/health"))),
  "GET /api/ready": () => ready(new Request(url("/api/ready"))),
  "POST /api/payments/callback": async () => {
    const donation = await startedDonation();
    const event = {
      id: `evt_${Math.random()}`,
      type: "payment.succeeded" as const,
      amount: 2500,
      currency: "EUR",
    };
    return callback(callbackRequest({ ...event, sessionId: donation.gatewaySessionId! }));
  },
  // Neither provider is configured here: each answers 404, under its request id all the same.
  "POST /api/payments/callback/stripe": () =>
    stripeCallback(new Request(url("/api/payments/callback/stripe"), { method: "POST", body: "{}" })),
  "POST /api/payments/callback/mollie": () =>
    mollieCallback(new Request(url("/api/payments/callback/mollie"), { method: "POST", body: "id=tr_x" })),
  "GET /api/payments/return": () =>
    paymentReturn(new Request(url("/api/payments/return?session=cs_unknown"))),
  "POST /api/reconcile": () =>
    reconcile(
      new Request(url("/api/reconcile"), {
        method: "POST",
        headers: { Authorization: `Bearer ${secrets.reconcile}` },
      }),
    ),
  "POST /api/sandbox/checkout/{sessionId}": () =>
    sandboxChoice(
      new Request(url("/api/sandbox/checkout/cs_unknown"), { method: "POST", body: "choice=pay" }),
      {
        params: Promise.resolve({ sessionId: "cs_unknown" }),
      },
    ),
};

let lines: string[] = [];
beforeEach(() => {
  lines = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

function requestLines(requestId: string) {
  return lines
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.requestId === requestId);
}

describe("request ids", () => {
  it.each(Object.keys(routes))(
    "%s answers with X-Request-Id and logs one request line under it",
    async (route) => {
      const response = await routes[route]();

      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const logged = requestLines(requestId!).filter((entry) => entry.event === "request");
      expect(logged).toEqual([expect.objectContaining({ route, status: response.status })]);
    },
  );

  it("keeps the id a proxy in front already gave the request", async () => {
    const response = await health(
      new Request(url("/api/health"), { headers: { "X-Request-Id": "edge-1234abcd" } }),
    );
    expect(response.headers.get("x-request-id")).toBe("edge-1234abcd");
    expect(requestLines("edge-1234abcd")).toHaveLength(1);
  });

  it("turns an unexpected error into a 500 under the same id, reported once", async () => {
    const { withRequestLogging } = await import("@/lib/observability/with-request-logging");
    const failing = withRequestLogging("GET /test", () => {
      throw new Error("boom in a handler");
    });
    const response = await failing(new Request(url("/test")));

    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: "internal_error" } });
    const requestId = response.headers.get("x-request-id")!;
    expect(requestLines(requestId).map((entry) => entry.event)).toEqual(["unexpected_error", "request"]);
    expect(lines.join("\n")).toContain("boom in a handler");
  });

  it("covers every route handler under app/api", () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts") found.push(path.relative(import.meta.dirname, dir));
      }
    };
    walk(import.meta.dirname);
    const covered = Object.keys(routes).map((route) =>
      route.split(" ")[1].replace("/api/", "").replace("{sessionId}", "[sessionId]"),
    );
    expect(found.sort()).toEqual([...covered, "totals"].sort());
  });
});

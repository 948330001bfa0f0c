import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as Sentry from "@sentry/nextjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportUnexpectedError } from "@/lib/api/report-unexpected-error";
import { onRequestError } from "@/instrumentation";
import { sentryOptions } from "./sentry-options";

// A local HTTP listener stands in for Sentry's ingest: whatever the SDK would send over the internet lands here.
let listener: Server;
// Assembled at run time: the SDK attaches source lines around the throw, and a literal would show up in them.
const donorName = ["Jane", "Donor"].join(" ");
const envelopes: string[] = [];

beforeAll(async () => {
  listener = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      envelopes.push(Buffer.concat(chunks).toString("utf8"));
      response.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const { port } = listener.address() as AddressInfo;
  Sentry.init(
    sentryOptions({
      dsn: `http://publickey@127.0.0.1:${port}/1`,
      environment: "test",
      release: "surge@test",
    }),
  );
});

afterAll(async () => {
  await Sentry.close(2000);
  await new Promise((resolve) => listener.close(resolve));
});

async function envelopeMentioning(marker: string): Promise<string> {
  await Sentry.flush(5000);
  const envelope = envelopes.find((body) => body.includes(marker));
  if (!envelope) throw new Error(`no envelope mentions ${marker}; received ${envelopes.length}`);
  return envelope;
}

describe("error tracking", () => {
  it("receives an error thrown in a route handler, with release and environment, without the donor's email or IP", async () => {
    const handler = async (request: Request) => {
      const { email } = (await request.json()) as { email: string };
      throw new Error(`checkout refused for ${email} (route-handler-marker)`);
    };
    const request = new Request("http://localhost/api/donations", {
      method: "POST",
      body: JSON.stringify({ email: "jane.donor@example.org", name: donorName }),
    });
    const error = await handler(request).catch((caught: unknown) => caught);
    await onRequestError(
      error,
      {
        path: "/api/donations",
        method: "POST",
        headers: { "x-forwarded-for": "203.0.113.77", "x-surge-peer-address": "203.0.113.77" },
      },
      { routerKind: "App Router", routePath: "/api/donations", routeType: "route" },
    );
    const envelope = await envelopeMentioning("route-handler-marker");
    expect(envelope).toContain("checkout refused for [email]");
    expect(envelope).toContain('"release":"surge@test"');
    expect(envelope).toContain('"environment":"test"');
    expect(envelope).not.toContain("jane.donor@example.org");
    expect(envelope).not.toContain("203.0.113.77");
  });

  it("receives what reportUnexpectedError reports, without the donor's name or email in its context", async () => {
    reportUnexpectedError(new Error("gateway exploded (report-marker)"), {
      donationId: "don_123",
      donorName,
      email: "jane.donor@example.org",
    });
    const envelope = await envelopeMentioning("report-marker");
    expect(envelope).toContain("don_123");
    expect(envelope).not.toContain(donorName);
    expect(envelope).not.toContain("jane.donor@example.org");
  });
});

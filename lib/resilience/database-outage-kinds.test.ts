import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { CallTimeoutError } from "./circuit-breaker";
import { isDatabaseUnavailable } from "./database-outage";

// The shapes seen from Prisma 7, its pg adapter and pg itself while PostgreSQL was stopped, cut off or stalled.
const adapterError = (cause: Record<string, unknown>, code = "P2010") =>
  Object.assign(new Error("Raw query failed"), { code, meta: { driverAdapterError: { cause } } });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["an unreachable server from a raw query (P2010)", adapterError({ kind: "DatabaseNotReachable" })],
    [
      "an unreachable server from a transaction (P1001)",
      adapterError({ kind: "DatabaseNotReachable" }, "P1001"),
    ],
    ["a statement timeout (57014)", adapterError({ kind: "postgres", code: "57014" })],
    ["a server shutting down (57P03)", adapterError({ kind: "postgres", code: "57P03" }, "P2034")],
    ["a dropped connection, from pg", new Error("Connection terminated unexpectedly")],
    [
      "a broken pooled client, from pg",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    ["no connection from the pool in time", new Error("timeout exceeded when trying to connect")],
    ["the breaker's own deadline", new CallTimeoutError("database", 15_000)],
  ])("counts %s as the database not answering", (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique-key conflict", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["an error we raised", new ApiError("not_found")],
    ["a bug in our code", new TypeError("cannot read properties of undefined")],
  ])("does not count %s", (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

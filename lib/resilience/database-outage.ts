import { ApiError } from "@/lib/api/api-error";
import { CallTimeoutError } from "./circuit-breaker";

// Which errors mean "the database is not answering" rather than "the database answered no". Prisma reports an
// unreachable server as P1001 from a transaction but as P2010 from a raw query, so its codes alone cannot tell;
// the driver adapter's error kind, PostgreSQL's SQLSTATE and the pg driver's own messages can.
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
// 57014 statement timeout, 57P01-57P03 shutdown or starting up, 53300 too many connections, class 08 connection.
const UNAVAILABLE_SQLSTATE = /^(57014|57P0[1-3]|53300|08...)$/;
// Prisma: P1xxx connection and server errors, P2024 no connection from the pool in time, P2028 the transaction
// could not start or outlived its timeout.
const UNAVAILABLE_PRISMA = /^(P1\d{3}|P2024|P2028)$/;
// The pg driver's own errors carry no code: a dropped socket, a pool or query deadline.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Connection ended|is not queryable|ECONNREFUSED|ECONNRESET/;

type Inspectable = {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
  cause?: unknown;
};

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error instanceof ApiError || error === null || typeof error !== "object" || depth > 3) return false;
  if (error instanceof CallTimeoutError) return true;
  const { code, message, meta, cause } = error as Inspectable;
  const adapterCause = meta?.driverAdapterError?.cause;
  if (typeof adapterCause?.kind === "string" && UNAVAILABLE_KINDS.has(adapterCause.kind)) return true;
  if (typeof adapterCause?.code === "string" && UNAVAILABLE_SQLSTATE.test(adapterCause.code)) return true;
  if (typeof code === "string" && (UNAVAILABLE_PRISMA.test(code) || UNAVAILABLE_SQLSTATE.test(code)))
    return true;
  if (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND)$/.test(code)) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/**
 * Our own database not answering, met by a part that stands in for an outside service: the sandbox gateway keeps
 * its sessions in this database. The database's breaker counts such an outage (isDatabaseUnavailable sees the
 * cause); the gateway's does not, or a database outage would keep donations refused for as long as that breaker
 * stays open after the database is back.
 */
export class OwnDatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super("the database did not answer", { cause });
    this.name = "OwnDatabaseUnavailableError";
  }
}

/** Rethrows an outage of our own database as OwnDatabaseUnavailableError, anything else as it is. */
export function asOwnDatabaseOutage(error: unknown): never {
  throw isDatabaseUnavailable(error) ? new OwnDatabaseUnavailableError(error) : error;
}

import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

type RequestContext = { requestId: string };

const storage = new AsyncLocalStorage<RequestContext>();

// A proxy in front may already have named the request; its id is kept so one request reads the same in every log.
// Anything else a client sends is replaced: ids end up in logs and must not carry arbitrary text.
const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFrom(headers: Headers): string {
  const presented = headers.get(REQUEST_ID_HEADER);
  return presented && ACCEPTABLE_ID.test(presented) ? presented : randomUUID();
}

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

// Runs in proxy.ts as well as in route handlers, so it uses only Web APIs.
export const REQUEST_ID_HEADER = "x-request-id";

// A proxy in front may already have named the request; its id is kept so one request reads the same in every log.
// Anything else is replaced: ids end up in logs and must not carry arbitrary text.
const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFrom(headers: Headers): string {
  const presented = headers.get(REQUEST_ID_HEADER);
  return presented && ACCEPTABLE_ID.test(presented) ? presented : crypto.randomUUID();
}

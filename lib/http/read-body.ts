import { ApiError } from "@/lib/api/errors";

export const DONATION_BODY_LIMIT_BYTES = 16 * 1024;
/** Gateway events are small; a bigger body is not one of them. */
export const CALLBACK_BODY_LIMIT_BYTES = 64 * 1024;

interface ReadBodyOptions {
  maxBytes: number;
  /** A client that trickles its body (slowloris) must not hold a handler open. */
  timeoutMs?: number;
}

function declaredLength(request: Request): number | null {
  const header = request.headers.get("content-length");
  if (header === null) return null;
  if (!/^\d{1,15}$/.test(header.trim())) throw new ApiError("bad_request", "Content-Length is not a number");
  return Number(header);
}

/**
 * Reads the raw body as UTF-8 text, stopping as soon as it passes maxBytes, so an oversized body is refused
 * without being held in memory. Callbacks need the exact bytes for their signature, so this never re-encodes.
 */
export async function readBody(
  request: Request,
  { maxBytes, timeoutMs = 10_000 }: ReadBodyOptions,
): Promise<string> {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) throw new ApiError("payload_too_large");
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void reader.cancel().catch(() => {});
  }, timeoutMs);
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        // The client went away mid-body.
        throw new ApiError("bad_request", "the request body was cut short", { cause: error });
      }
      // A cancelled read ends like a complete body; only the flag tells a timeout from the real end.
      if (timedOut) throw new ApiError("request_timeout");
      if (result.done) break;
      received += result.value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new ApiError("payload_too_large");
      }
      chunks.push(result.value);
    }
  } finally {
    clearTimeout(timer);
  }
  if (declared !== null && declared !== received) {
    throw new ApiError("bad_request", "the body length differs from Content-Length");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch (error) {
    throw new ApiError("bad_request", "the body is not valid UTF-8", { cause: error });
  }
}

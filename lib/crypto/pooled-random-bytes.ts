import { randomFillSync } from "node:crypto";

// Every donation start draws random ids (the donation's, the sandbox session's). Each randomBytes() call is a trip
// into the native layer that costs more than the HMAC that tags the id, so random bytes are drawn from the
// operating system a pool at a time, as Node.js does itself for randomUUID(), and handed out in slices. Each slice
// is fresh randomness, never handed out twice: a used-up pool is replaced, not refilled in place, since slices of
// it may still be held.
const POOL_BYTES = 4096;

let pool = Buffer.alloc(0);
let offset = 0;

export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) throw new RangeError(`at most ${POOL_BYTES} pooled random bytes at a time`);
  if (offset + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  const slice = pool.subarray(offset, offset + size);
  offset += size;
  return slice;
}

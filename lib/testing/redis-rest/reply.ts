// Redis replies in Upstash's JSON shapes. With `Upstash-Encoding: base64` (what @upstash/redis sends by default)
// every string is base64 so binary values survive JSON; numbers, nulls and nesting stay as they are.
export type UpstashReply = { result: unknown } | { error: string };

export function encodeResult(value: unknown, base64: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => encodeResult(item, base64));
  if (typeof value === "string") return base64 ? Buffer.from(value, "utf8").toString("base64") : value;
  if (Buffer.isBuffer(value)) return base64 ? value.toString("base64") : value.toString("utf8");
  if (typeof value === "number" || value === null) return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Map) return encodeResult([...value.entries()].flat(), base64);
  if (value === undefined) return null;
  return value;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// How a limit is counted. A sliding window caps attempts per client or per email; a token bucket lets a burst
// through and then meters a steady rate (the gateway's cap).
export type LimitPolicy =
  | { kind: "sliding-window"; limit: number; windowSeconds: number }
  | { kind: "token-bucket"; refillPerSecond: number; capacity: number };

export type LimitResult = { success: true } | { success: false; retryAfterSeconds: number };

export interface Limiter {
  limit(identifier: string): Promise<LimitResult>;
}

export const retryAfterFrom = (resetAtMs: number, nowMs: number) =>
  Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000));

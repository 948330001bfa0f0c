import { retryAfterFrom, type Limiter, type LimitPolicy } from "./policy";

// The in-process fallback, counting the same way as @upstash/ratelimit: a sliding window weighs the previous fixed
// window by how much of it still overlaps, a token bucket refills continuously.
type WindowState = { windowStart: number; current: number; previous: number };
type BucketState = { tokens: number; updatedAt: number };

const MAX_TRACKED = 50_000;

export function createMemoryLimiter(policy: LimitPolicy, now: () => number = Date.now): Limiter {
  const states = new Map<string, WindowState | BucketState>();

  // Many identifiers (a botnet, rotating addresses) must not grow memory without bound: forget the oldest.
  const remember = (identifier: string, state: WindowState | BucketState) => {
    states.delete(identifier);
    states.set(identifier, state);
    if (states.size > MAX_TRACKED) states.delete(states.keys().next().value as string);
  };

  if (policy.kind === "sliding-window") {
    const windowMs = policy.windowSeconds * 1000;
    return {
      async limit(identifier) {
        const at = now();
        const windowStart = Math.floor(at / windowMs) * windowMs;
        const seen = states.get(identifier) as WindowState | undefined;
        const state: WindowState =
          seen?.windowStart === windowStart
            ? seen
            : {
                windowStart,
                current: 0,
                previous: seen?.windowStart === windowStart - windowMs ? seen.current : 0,
              };
        const overlap = 1 - (at - windowStart) / windowMs;
        const used = Math.floor(state.previous * overlap) + state.current;
        if (used >= policy.limit) {
          remember(identifier, state);
          return { success: false, retryAfterSeconds: retryAfterFrom(windowStart + windowMs, at) };
        }
        remember(identifier, { ...state, current: state.current + 1 });
        return { success: true };
      },
    };
  }

  return {
    async limit(identifier) {
      const at = now();
      const seen = states.get(identifier) as BucketState | undefined;
      const refilled = seen
        ? Math.min(policy.capacity, seen.tokens + ((at - seen.updatedAt) / 1000) * policy.refillPerSecond)
        : policy.capacity;
      if (refilled < 1) {
        remember(identifier, { tokens: refilled, updatedAt: at });
        const waitMs = ((1 - refilled) / policy.refillPerSecond) * 1000;
        return { success: false, retryAfterSeconds: retryAfterFrom(at + waitMs, at) };
      }
      remember(identifier, { tokens: refilled - 1, updatedAt: at });
      return { success: true };
    },
  };
}

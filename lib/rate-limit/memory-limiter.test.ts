import { describe, expect, it } from "vitest";
import { createMemoryLimiter } from "./memory-limiter";

const clock = (start: number) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe("createMemoryLimiter", () => {
  it("refuses past the limit of a sliding window, with the seconds until the window ends", async () => {
    const time = clock(60_000 * 1000 + 15_000);
    const limiter = createMemoryLimiter({ kind: "sliding-window", limit: 2, windowSeconds: 60 }, time.now);
    expect(await limiter.limit("a")).toEqual({ success: true });
    expect(await limiter.limit("a")).toEqual({ success: true });
    expect(await limiter.limit("a")).toEqual({ success: false, retryAfterSeconds: 45 });
    expect(await limiter.limit("b")).toEqual({ success: true });
  });

  it("still counts the previous window in proportion to its overlap", async () => {
    const time = clock(60_000 * 1000);
    const limiter = createMemoryLimiter({ kind: "sliding-window", limit: 4, windowSeconds: 60 }, time.now);
    for (let i = 0; i < 4; i++) await limiter.limit("a");
    time.advance(60_000 + 15_000); // a quarter into the next window: 3 of the 4 still count
    expect((await limiter.limit("a")).success).toBe(true);
    expect((await limiter.limit("a")).success).toBe(false);
  });

  it("lets a token bucket burst to its capacity, then meters the refill", async () => {
    const time = clock(1_000_000);
    const limiter = createMemoryLimiter({ kind: "token-bucket", refillPerSecond: 2, capacity: 2 }, time.now);
    expect((await limiter.limit("gateway")).success).toBe(true);
    expect((await limiter.limit("gateway")).success).toBe(true);
    expect(await limiter.limit("gateway")).toEqual({ success: false, retryAfterSeconds: 1 });
    time.advance(500);
    expect((await limiter.limit("gateway")).success).toBe(true);
    expect((await limiter.limit("gateway")).success).toBe(false);
  });
});

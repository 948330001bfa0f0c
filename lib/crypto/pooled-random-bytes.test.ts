import { describe, expect, it } from "vitest";
import { pooledRandomBytes } from "./pooled-random-bytes";

describe("pooledRandomBytes", () => {
  it("hands out slices of the asked size that never repeat, across many pools", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const bytes = pooledRandomBytes(16);
      expect(bytes).toHaveLength(16);
      seen.add(bytes.toString("hex"));
    }
    expect(seen.size).toBe(10_000);
  });

  it("keeps a slice handed out unchanged when its pool is used up and replaced", () => {
    const kept = pooledRandomBytes(16);
    const copy = Buffer.from(kept);
    for (let i = 0; i < 1_000; i++) pooledRandomBytes(16);
    expect(kept.equals(copy)).toBe(true);
  });

  it("spreads its bytes over every value, as random bytes do", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4_096; i++) for (const byte of pooledRandomBytes(16)) counts[byte]++;
    // 65,536 bytes: each value expected 256 times; a stuck or zeroed pool would leave most at 0.
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(380);
  });

  it("refuses more than a pool at a time", () => {
    expect(() => pooledRandomBytes(4097)).toThrow(RangeError);
  });
});

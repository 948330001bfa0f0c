import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { coverFee } from "./cover-fee";

describe("coverFee", () => {
  it.each([
    // gift, basis points, fixed, fee
    [2500, 100, 28, 54],
    [2500, 150, 25, 64],
    [1000, 180, 29, 48],
    [100, 0, 25, 25],
    [2500, 0, 0, 0],
  ])("adds to %i at %i bp + %i the fee %i", (gift, basisPoints, fixed, fee) => {
    expect(coverFee(gift, { basisPoints, fixed })).toBe(fee);
  });

  it("leaves the charity at least the gift and at most one minor unit more, for any gift and schedule", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        (gift, basisPoints, fixed) => {
          const charged = gift + coverFee(gift, { basisPoints, fixed });
          // What the provider keeps, exactly: charged × bp / 10000 + fixed. Compared in integers (× 10000).
          const received = charged * 10_000 - (charged * basisPoints + fixed * 10_000);
          expect(received).toBeGreaterThanOrEqual(gift * 10_000);
          const oneLess = (charged - 1) * 10_000 - ((charged - 1) * basisPoints + fixed * 10_000);
          expect(oneLess).toBeLessThan(gift * 10_000);
        },
      ),
    );
  });
});

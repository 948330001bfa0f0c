import { describe, expect, it, vi } from "vitest";

const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidateTag }));

const { revalidateTotalsSoon } = await import("./revalidate-totals");
const { TOTALS_TAG } = await import("@/lib/campaign/totals");

describe("revalidateTotalsSoon", () => {
  it("invalidates the totals once per two seconds however many payments are confirmed", () => {
    const start = 1_000_000;
    for (let ms = 0; ms < 5_000; ms += 10) revalidateTotalsSoon(start + ms);

    // At 0 s, 2 s and 4 s: 500 confirmations, three regenerations.
    expect(revalidateTag).toHaveBeenCalledTimes(3);
    expect(revalidateTag).toHaveBeenCalledWith(TOTALS_TAG, "max");
  });

  it("does not let a failing invalidation fail the payment that triggered it", () => {
    revalidateTag.mockImplementationOnce(() => {
      throw new Error("Invariant: static generation store missing");
    });

    expect(() => revalidateTotalsSoon(9_000_000)).not.toThrow();
  });
});

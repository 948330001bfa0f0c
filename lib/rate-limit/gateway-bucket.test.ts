import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCheckoutBucket } from "./gateway-bucket";

describe("createCheckoutBucket", () => {
  it("lets the per-second cap through at once, refuses the next, and refills within a second", async () => {
    const bucket = createCheckoutBucket(`test:${randomUUID()}`, 5);
    const burst = await Promise.all(Array.from({ length: 6 }, () => bucket.take()));
    expect(burst.filter((result) => result.success)).toHaveLength(5);
    const refused = burst.find((result) => !result.success);
    expect(refused).toEqual({ success: false, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await bucket.take()).success).toBe(true);
  });
});

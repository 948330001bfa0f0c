import { describe, expect, it } from "vitest";
import { assertCheckoutUrl } from "./checkout-url";
import type { PaymentGateway } from "./gateway";

const stripe: Pick<PaymentGateway, "name" | "checkoutOrigins"> = {
  name: "stripe",
  checkoutOrigins: ["https://checkout.stripe.com"],
};

describe("assertCheckoutUrl", () => {
  it.each([
    ["a page of ours", "/sandbox/checkout/sbx_1"],
    ["the gateway's hosted page", "https://checkout.stripe.com/c/pay/cs_live_1"],
  ])("lets the donor go to %s", (_case, redirectUrl) => {
    expect(assertCheckoutUrl(stripe, { sessionId: "s", redirectUrl }).redirectUrl).toBe(redirectUrl);
  });

  it.each([
    ["another origin", "https://checkout.stripe.com.evil.example/c/pay/cs_live_1"],
    ["a protocol-relative URL", "//evil.example/pay"],
    ["plain HTTP to the gateway's host", "http://checkout.stripe.com/c/pay/cs_live_1"],
    ["something that is no URL", "javascript:alert(1)"],
  ])("refuses %s", (_case, redirectUrl) => {
    expect(() => assertCheckoutUrl(stripe, { sessionId: "s", redirectUrl })).toThrow(/outside/);
  });
});

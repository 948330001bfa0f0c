import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/http/security-headers";
import { checkoutOrigins } from "./checkout-origins";

const formAction = (origins: string[]) =>
  securityHeaders({ production: true, appUrl: "https://give.example.org", checkoutOrigins: origins })
    .find((header) => header.key === "Content-Security-Policy")!
    .value.split("; ")
    .find((directive) => directive.startsWith("form-action"));

const stripeKeys = { STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" };

describe("checkoutOrigins", () => {
  it.each([
    ["no provider's credentials (the sandbox)", {}, []],
    ["Stripe's", stripeKeys, ["https://checkout.stripe.com"]],
    ["Stripe's key without its webhook secret", { STRIPE_SECRET_KEY: "sk_test_x" }, []],
    ["Mollie's", { MOLLIE_API_KEY: "test_x" }, ["https://www.mollie.com"]],
    [
      "both",
      { ...stripeKeys, MOLLIE_API_KEY: "test_x" },
      ["https://checkout.stripe.com", "https://www.mollie.com"],
    ],
    [
      "Stripe's, with a stand-in",
      { ...stripeKeys, STRIPE_API_URL: "http://127.0.0.1:3451" },
      ["http://127.0.0.1:3451"],
    ],
    [
      "Mollie's, with a stand-in",
      { MOLLIE_API_KEY: "test_x", MOLLIE_API_URL: "http://127.0.0.1:3452/" },
      ["http://127.0.0.1:3452"],
    ],
  ])("names, with %s, only %j", (_case, env, origins) => {
    expect(checkoutOrigins(env)).toEqual(origins);
  });

  it("lets the donate form's redirect reach the configured hosted page and nothing else", () => {
    expect(formAction([])).toBe("form-action 'self'");
    expect(formAction(["https://checkout.stripe.com"])).toBe(
      "form-action 'self' https://checkout.stripe.com",
    );
  });
});

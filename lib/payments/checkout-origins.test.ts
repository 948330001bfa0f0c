import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/http/security-headers";
import { checkoutOrigins } from "./checkout-origins";

const formAction = (origins: string[]) =>
  securityHeaders({ production: true, appUrl: "https://give.example.org", checkoutOrigins: origins })
    .find((header) => header.key === "Content-Security-Policy")!
    .value.split("; ")
    .find((directive) => directive.startsWith("form-action"));

describe("checkoutOrigins", () => {
  it.each([
    ["sandbox", undefined, []],
    ["stripe", undefined, ["https://checkout.stripe.com"]],
    ["mollie", undefined, ["https://www.mollie.com"]],
    ["stripe", "http://127.0.0.1:3451", ["http://127.0.0.1:3451"]],
    ["mollie", "http://127.0.0.1:3452", ["http://127.0.0.1:3452"]],
  ] as const)("names for %s (stand-in %s) only %j", (provider, apiUrl, origins) => {
    const env = { PAYMENT_PROVIDER: provider, STRIPE_API_URL: apiUrl, MOLLIE_API_URL: apiUrl };
    expect(checkoutOrigins(env)).toEqual(origins);
  });

  it("lets the donate form's redirect reach the configured hosted page and nothing else", () => {
    expect(formAction([])).toBe("form-action 'self'");
    expect(formAction(["https://checkout.stripe.com"])).toBe(
      "form-action 'self' https://checkout.stripe.com",
    );
  });
});

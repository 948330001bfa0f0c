import { describe, expect, it } from "vitest";
import { openRetryInput, sealRetryInput, type RetryInput } from "./sealed-input";

const input: RetryInput = {
  amount: 2500,
  currency: "EUR",
  locale: "fr",
  email: "jane@example.org",
  anonymous: false,
};

describe("sealRetryInput", () => {
  it("round-trips the donor's input without showing the email", () => {
    const token = sealRetryInput(input);
    expect(token).not.toContain("jane");
    expect(openRetryInput(token)).toEqual(input);
  });
});

describe("openRetryInput", () => {
  const token = sealRetryInput(input, 1_000_000);
  const tampered = token.slice(0, -2) + (token.endsWith("A") ? "BB" : "AA");

  it.each([
    ["a missing token", undefined, 1_000_000],
    ["a token that is not ours", "bm90IG91cnM", 1_000_000],
    ["a tampered token", tampered, 1_000_000],
    ["a token older than 30 minutes", token, 1_000_000 + 31 * 60 * 1000],
  ])("returns null for %s", (_case, candidate, now) => {
    expect(openRetryInput(candidate, now)).toBeNull();
  });
});

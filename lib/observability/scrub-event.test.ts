import { describe, expect, it } from "vitest";
import { MAX_SCRUBBED_LENGTH, scrub, scrubText } from "./scrub-event";

describe("scrubText", () => {
  it.each([
    ["an email", "refused for jane.donor+tag@example.org today", "refused for [email] today"],
    ["an IPv4 address", "from 203.0.113.77", "from [ip]"],
    ["an IPv6 address", "from 2001:db8:aa:bb:1:2:3:4", "from [ip]"],
  ])("masks %s", (_case, text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });

  it("cuts a 16,000-character string without '@' to a bounded length before scrubbing it", () => {
    const scrubbed = scrubText("a.".repeat(8_000));

    expect(scrubbed.length).toBeLessThanOrEqual(MAX_SCRUBBED_LENGTH + "…[truncated]".length);
    expect(scrubbed.endsWith("…[truncated]")).toBe(true);
  });

  it("never lets an email through by placing it after the cut", () => {
    const text = `${"x".repeat(MAX_SCRUBBED_LENGTH - 10)} jane.donor@example.org`;

    expect(scrubText(text)).not.toContain("jane.donor");
    expect(scrubText(text)).not.toContain("example.org");
  });

  it("keeps a text under the cut whole", () => {
    const text = "checkout failed ".repeat(100);

    expect(scrubText(text)).toBe(text);
  });
});

describe("scrub", () => {
  it("caps long strings nested anywhere in an event", () => {
    const event = { exception: { values: [{ value: "b".repeat(16_000) }] } };

    const cleaned = scrub(event) as typeof event;

    expect(cleaned.exception.values[0].value.length).toBeLessThan(16_000);
  });
});

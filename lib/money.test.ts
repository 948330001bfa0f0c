import { describe, expect, it } from "vitest";
import { formatMoney, minorUnitDigits, parseMajorUnits } from "./money";

describe("minorUnitDigits", () => {
  it.each([
    ["EUR", 2],
    ["JPY", 0],
    ["KWD", 3],
  ])("knows %s has %i decimals", (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });
});

describe("formatMoney", () => {
  it("formats minor units for the locale", () => {
    expect(formatMoney(123450, "EUR", "en")).toBe("€1,234.50");
    expect(formatMoney(123450, "EUR", "fr")).toBe("1\u202f234,50\u00a0€");
  });

  it("drops zero cents when asked for a whole amount", () => {
    expect(formatMoney(2500, "EUR", "en", { whole: true })).toBe("€25");
    expect(formatMoney(2550, "EUR", "en", { whole: true })).toBe("€25.50");
  });
});

describe("parseMajorUnits", () => {
  it.each([
    ["25", "EUR", 2500],
    ["25.5", "EUR", 2550],
    ["25,50", "EUR", 2550],
    [" 1 000 ", "EUR", 100000],
    ["1000", "JPY", 1000],
  ])("reads %j in %s as %i minor units", (input, currency, minor) => {
    expect(parseMajorUnits(input, currency)).toBe(minor);
  });

  it.each(["", "abc", "25.555", "-5", "1e3", "25.", "9999999999"])("refuses %j", (input) => {
    expect(parseMajorUnits(input, "EUR")).toBeNull();
  });
});

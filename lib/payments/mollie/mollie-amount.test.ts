import { describe, expect, it } from "vitest";
import { fromMollieValue, toMollieValue } from "./mollie-amount";

describe("toMollieValue", () => {
  it.each([
    [1000, "EUR", "10.00"],
    [1001, "EUR", "10.01"],
    [5, "EUR", "0.05"],
    [100, "EUR", "1.00"],
    [123456789, "EUR", "1234567.89"],
    [1000, "JPY", "1000"],
    [12345, "KWD", "12.345"],
  ])("writes %i minor units of %s as %s", (minor, currency, value) => {
    expect(toMollieValue(minor, currency)).toBe(value);
    expect(fromMollieValue(value, currency)).toBe(minor);
  });

  it.each([[1.5], [-1], [Number.NaN]])("refuses %s, which is not an amount in minor units", (minor) => {
    expect(() => toMollieValue(minor, "EUR")).toThrow(RangeError);
  });
});

describe("fromMollieValue", () => {
  it.each([
    ["10", "EUR"],
    ["10.0", "EUR"],
    ["10.000", "EUR"],
    ["1e3", "EUR"],
    ["10.00", "JPY"],
    ["-1.00", "EUR"],
  ])("does not read %s as %s", (value, currency) => {
    expect(fromMollieValue(value, currency)).toBeNull();
  });
});

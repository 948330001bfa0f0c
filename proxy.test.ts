import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { routing } from "./i18n/routing";
import { config } from "./proxy";

const runsFor = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("proxy.ts matcher", () => {
  it.each(["/", "/donate", "/about/team", "/de", "/english"])("negotiates the language on %s", (path) => {
    expect(runsFor(path)).toBe(true);
  });

  it.each([
    ...routing.locales.flatMap((locale) => [
      `/${locale}`,
      `/${locale}/`,
      `/${locale}/donate`,
      `/${locale}/donate/success`,
    ]),
    "/api/totals",
    "/api/donations",
    "/api",
    "/sandbox/checkout/cs_1",
    "/_next/static/chunks/app.js",
    "/icon.svg",
    "/robots.txt",
  ])("does not run for %s", (path) => {
    expect(runsFor(path)).toBe(false);
  });
});

import { readdirSync } from "node:fs";
import path from "node:path";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { routing } from "./i18n/routing";
import { NOT_FOUND_DOCUMENT } from "./lib/http/localized-not-found";
import { config } from "./proxy";

const runsFor = (url: string) => unstable_doesMiddlewareMatch({ config, url });

// Every page under app/[locale], as the path after the locale ("" for the home page).
function localePages(dir = path.join(import.meta.dirname, "app/[locale]"), prefix = ""): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const own = entries.some((entry) => entry.name === "page.tsx") ? [prefix] : [];
  const nested = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("[") && !entry.name.startsWith("_"))
    .flatMap((entry) => localePages(path.join(dir, entry.name), `${prefix}/${entry.name}`));
  return [...own, ...nested];
}

describe("proxy.ts matcher", () => {
  it.each(["/", "/donate", "/about/team", "/de", "/english"])("negotiates the language on %s", (path) => {
    expect(runsFor(path)).toBe(true);
  });

  const pages = localePages().filter((page) => page !== `/${NOT_FOUND_DOCUMENT}`);

  it("knows every page under a locale", () => {
    expect(pages.sort()).toEqual([
      "",
      "/about",
      "/contact",
      "/donate",
      "/donate/busy",
      "/donate/error",
      "/donate/success",
    ]);
  });

  it.each([
    ...routing.locales.flatMap((locale) =>
      pages.flatMap((page) => [`/${locale}${page}`, `/${locale}${page}/`]),
    ),
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

  it.each(
    routing.locales.flatMap((locale) => [
      `/${locale}/nothing-here`,
      `/${locale}/donate/elsewhere`,
      `/${locale}/about/team`,
      `/${locale}/donatex`,
      `/${locale}/${NOT_FOUND_DOCUMENT}`,
    ]),
  )("answers the unknown %s with the localized 404", (path) => {
    expect(runsFor(path)).toBe(true);
  });
});

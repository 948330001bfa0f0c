import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { describe, expect, it } from "vitest";
import { CONFIG_HEADERS_SOURCE, ROUTES_SETTING_OWN_HEADERS } from "./security-headers";

// Matched as Next.js matches a header rule's source, with its own matcher.
const configured = getPathMatch(CONFIG_HEADERS_SOURCE, { removeUnnamedParams: true, strict: true });

describe("CONFIG_HEADERS_SOURCE", () => {
  it.each(ROUTES_SETTING_OWN_HEADERS)("leaves %s to set its own headers", (route) => {
    expect(configured(route)).toBe(false);
  });

  it.each([
    "/",
    "/en",
    "/ar/donate/success",
    "/fr/no-such-page",
    "/api/totals",
    "/api/health",
    "/api/donations/status",
    "/api/donations/unknown",
    "/api/payments/callback/unknown",
    "/api/payments",
    "/sandbox/checkout/sbx_1",
    "/icon.svg",
    "/_next/static/chunks/main.js",
  ])("covers %s", (path) => {
    expect(configured(path)).not.toBe(false);
  });
});

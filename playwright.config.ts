import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL, E2E_TARGET_URL } from "./e2e/config";

// Chromium resolves no host but 127.0.0.1 (the specs must not reach the internet), and the deployment under test.
const reachable = ["127.0.0.1", ...(E2E_TARGET_URL ? [new URL(E2E_TARGET_URL).hostname] : [])];

// Debian's chromium: Playwright's own browser download is not available everywhere Surge is tested.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    `--host-resolver-rules=MAP * ~NOTFOUND, ${reachable.map((host) => `EXCLUDE ${host}`).join(", ")}`,
  ],
};

const LAYOUT_SPECS = /\/(layout|accessibility)\.spec\.ts$/;
const VISUAL_SPECS = /\/visual\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  // e2e/self-test is Vitest's: it runs Playwright itself, against a deliberately broken copy of the site.
  testIgnore: "self-test/**",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The list for the terminal; the HTML report (with each failure's trace and screenshot) for reading afterwards.
  reporter: [
    ["list"],
    ["./e2e/skip-reasons-reporter.ts"],
    ["html", { open: "never", outputFolder: "playwright-report" }],
  ],
  timeout: 60_000,
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  // The whole functional suite runs once, on the desktop. Phones add what depends on the viewport: the layout checks
  // and the accessibility audit on both (a small Android at 360 CSS px, the most common Android width, and an
  // iPhone), and the screenshots on the Android alone (one phone width is enough to catch a broken phone layout;
  // a second set would double the PNGs for little). The journeys themselves (donations, caching, limits) do not
  // change with the screen, and running them three times would triple the suite's time. Both phones run in
  // Debian's Chromium with their size, pixel ratio, touch and user agent: WebKit is not available here.
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      name: "phone-android",
      testMatch: [LAYOUT_SPECS, VISUAL_SPECS],
      use: { ...devices["Galaxy S8"], launchOptions: chromium },
    },
    {
      name: "phone-iphone",
      testMatch: LAYOUT_SPECS,
      use: { ...devices["iPhone 13"], defaultBrowserType: "chromium", launchOptions: chromium },
    },
  ],
  // Screenshots differ by a few pixels of anti-aliasing at most from run to run; a real change moves far more.
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.01, animations: "disabled", caret: "hide" } },
  // Against a deployment named by BASE_URL nothing is built or started: the specs go straight to it.
  webServer: E2E_TARGET_URL
    ? undefined
    : {
        command: "npx tsx scripts/e2e-server.ts",
        url: `${E2E_BASE_URL}/api/totals`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: "pipe",
      },
});

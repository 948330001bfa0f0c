import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startBreakingProxy, type Breakage } from "./breaking-proxy";

// The end-to-end suite's own test. A check that cannot fail proves nothing, so the suite is pointed (BASE_URL) at
// a copy of a real Surge with one fault put in on purpose, and must fail and name the fault in its output; and at
// the same copy without the fault, where it must pass, so the failure is the fault's and not the copy's.
// scripts/test-all.sh runs this with SUITE_TARGET_URL at the second server it starts from the build. (Not BASE_URL:
// Vitest sets that one to Vite's base path.)
const REPO = path.resolve(import.meta.dirname, "../..");
const upstream = process.env.SUITE_TARGET_URL;
if (!upstream)
  throw new Error("SUITE_TARGET_URL must name a running Surge, e.g. one scripts/e2e-server.ts started");

const homeTitle = JSON.parse(readFileSync(path.join(REPO, "messages/en.json"), "utf8")).HomePage.title;
const outputDirs: string[] = [];

/** One spec of the suite, run as QA runs it against a deployment, in its own Playwright process. */
async function runSuite(baseUrl: string, spec: string, grep: string) {
  const output = await mkdtemp(path.join(tmpdir(), "surge-suite-self-test-"));
  outputDirs.push(output);
  const args = ["playwright", "test", spec, "--project=desktop", "--grep", grep, "--reporter=list"];
  // Vitest's NODE_ENV=test is not what QA's shell has.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== "NODE_ENV"),
  ) as NodeJS.ProcessEnv;
  Object.assign(env, { BASE_URL: baseUrl, E2E_TARGET_OFFERS: "" });
  const child = spawn("npx", [...args, `--output=${output}`], { cwd: REPO, env });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, output: text };
}

/** Replaces `from` with `to` in the HTML of one path, and fails loudly if the page no longer contains it. */
function replaceOn(pagePath: string, from: string, to: string): Breakage {
  return (requested, { contentType, body, status }) => {
    if (requested !== pagePath || !contentType.startsWith("text/html")) return undefined;
    if (!body.includes(from)) throw new Error(`${pagePath} no longer contains ${JSON.stringify(from)}`);
    return { status, body: body.replaceAll(from, to) };
  };
}

const stylesheetsMissing: Breakage = (requested) =>
  requested.endsWith(".css") ? { status: 404, body: "" } : undefined;

afterAll(async () => {
  await Promise.all(outputDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the end-to-end suite", () => {
  const cases: Array<{
    fault: string;
    breakage: Breakage;
    spec: string;
    grep: string;
    reports: RegExp[];
  }> = [
    {
      fault: "a missing translation, shown as its raw key",
      breakage: replaceOn("/en", homeTitle, "HomePage.title"),
      spec: "e2e/translations.spec.ts",
      grep: "/en reads its catalog texts",
      reports: [/message keys shown in place of their texts/, /"HomePage\.title"/],
    },
    {
      fault: "a stylesheet that is not served",
      breakage: stylesheetsMissing,
      spec: "e2e/layout.spec.ts",
      grep: "/en fits the screen",
      reports: [/targets under 44 px/, /header rows: \[\[/],
    },
  ];

  for (const { fault, breakage, spec, grep, reports } of cases) {
    it(`passes ${spec} on a faithful copy of the site, and fails it naming the fault with ${fault}`, async () => {
      const faithful = await startBreakingProxy(upstream, () => undefined);
      try {
        const passing = await runSuite(faithful.url, spec, grep);
        expect(passing.code, passing.output).toBe(0);
        expect(passing.output).toMatch(/1 passed/);
      } finally {
        await faithful.close();
      }

      const broken = await startBreakingProxy(upstream, breakage);
      try {
        const failing = await runSuite(broken.url, spec, grep);
        expect(failing.code, failing.output).toBe(1);
        expect(failing.output).toMatch(/1 failed/);
        for (const report of reports) expect(failing.output).toMatch(report);
      } finally {
        await broken.close();
      }
    });
  }
});

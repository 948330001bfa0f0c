import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function runCheck(directory?: string) {
  const args = ["scripts/messages-check.ts", ...(directory ? [directory] : [])];
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), args, { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run messages:check", () => {
  it("passes the site's own catalogs", () => {
    const { status, stdout } = runCheck();
    expect(stdout).toMatch(/complete and valid/);
    expect(status).toBe(0);
  });

  it("names the locale, key and text of a missing translation and exits non-zero", () => {
    const { status, stderr } = runCheck("lib/messages-check/fixtures/missing-key");
    expect(stderr).toContain("fr ErrorPage.help: missing; add a translation of the English text");
    expect(stderr).toContain("Need help? <strong>Write to us</strong>");
    expect(status).toBe(1);
  });

  it("names a misspelt placeholder and exits non-zero", () => {
    const { status, stderr } = runCheck("lib/messages-check/fixtures/broken-placeholder");
    expect(stderr).toContain("ar Progress.raised: placeholder {amount} is missing (en has it)");
    expect(stderr).toContain('"تم جمع {amout}"');
    expect(status).toBe(1);
  });
});

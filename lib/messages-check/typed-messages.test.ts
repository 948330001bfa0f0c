import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(import.meta.dirname, "fixtures/type-errors");

// Argument types come from messages/en.d.json.ts, which next-intl writes when Next.js loads its config (npm run
// typecheck runs `next typegen` first); without it every argument would be typed as a plain string.
beforeAll(() => {
  if (!existsSync(path.join(root, "messages/en.d.json.ts"))) {
    spawnSync(path.join(root, "node_modules/.bin/next"), ["typegen"], { cwd: root, stdio: "inherit" });
  }
});

describe("typed messages (global.d.ts AppConfig)", () => {
  it("fails type-checking on a misspelt key and on a missing argument, and only there", () => {
    const result = spawnSync(
      path.join(root, "node_modules/.bin/tsc"),
      ["-p", path.join(fixture, "tsconfig.json")],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    const source = readFileSync(path.join(fixture, "misuse.ts"), "utf8").split("\n");
    const errors = [...result.stdout.matchAll(/misuse\.ts\((\d+),\d+\): error (TS\d+)/g)].map(
      ([, line, code]) => [source[Number(line) - 1].trim(), code],
    );
    expect(errors).toEqual([
      ['const misspeltKey = t("donnors", { count: 3 });', "TS2345"],
      ['const missingArgument = t("donors");', "TS2554"],
    ]);
    expect(result.status).not.toBe(0);
  });
});

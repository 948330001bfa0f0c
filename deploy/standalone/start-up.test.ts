import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { surgeEnv } from "@/bench/servers";
import { copyStandalone } from "./standalone";

// The standalone server loads no next.config.ts, so the configuration is checked by instrumentation.ts: a
// deployment that forgot a setting must stop at once, naming it, rather than come up and answer 500s.
const dir = mkdtempSync(path.join(tmpdir(), "surge-start-up-"));
const copy = copyStandalone(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const startWith = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, ["server.js"], {
    cwd: copy,
    env: { ...env, PORT: "3698", HOSTNAME: "127.0.0.1" },
    encoding: "utf8",
    timeout: 30_000,
  });

describe("node server.js in production", () => {
  const production = surgeEnv("postgresql://postgres@127.0.0.1:5432/never-opened", 3698, {});

  it("stops on the embedded database unless one instance on it is chosen", () => {
    const result = startWith({ ...production, DATABASE_URL: "" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL: is required in production");
  });

  it("stops when several instances are declared without the Redis they must share", () => {
    const result = startWith({ ...production, DEPLOYMENT_MODE: "multi" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("UPSTASH_REDIS_REST_URL: is required with DEPLOYMENT_MODE=multi");
    expect(result.stderr).toContain("CACHE_REDIS_URL: is required with DEPLOYMENT_MODE=multi");
  });
});

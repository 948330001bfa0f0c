// The server Playwright tests against: a fresh PostgreSQL database, migrated and seeded, then `next build` and
// `next start` (never the dev server, so caching and prerendering are the real ones). With --no-build it starts the
// existing build output instead, as a second deployment of the same build (scripts/test-all.sh points BASE_URL at it).
import { spawn, spawnSync } from "node:child_process";
import { E2E_ADMIN_DATABASE_URL, E2E_DATABASE_URL, E2E_PORT, e2eServerEnv } from "../e2e/config";
import { createDatabase } from "../lib/testing/test-database";

await createDatabase(E2E_ADMIN_DATABASE_URL, new URL(E2E_DATABASE_URL).pathname.slice(1));

const env = { ...process.env, ...e2eServerEnv };
const build = process.argv.includes("--no-build") ? [] : [["run", "--silent", "build"]];
// A build for several instances (the shared cache handler configured), so deploy/standalone can run copies of this
// same output on one Redis; this server itself starts without CACHE_REDIS_URL and so uses Next's own cache.
const buildEnv = { ...env, CACHE_REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379" };
for (const args of [["run", "--silent", "db:migrate"], ["run", "--silent", "db:seed"], ...build]) {
  const result = spawnSync("npm", args, { stdio: "inherit", env: args.includes("build") ? buildEnv : env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(E2E_PORT)], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

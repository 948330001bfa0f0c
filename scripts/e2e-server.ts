// The server Playwright tests against: a fresh PostgreSQL database, migrated and seeded, then `next build` and
// `next start` (never the dev server, so caching and prerendering are the real ones).
import { spawn, spawnSync } from "node:child_process";
import pg from "pg";
import { E2E_ADMIN_DATABASE_URL, E2E_DATABASE_URL, E2E_PORT, e2eServerEnv } from "../e2e/config";

const name = new URL(E2E_DATABASE_URL).pathname.slice(1);
const admin = new pg.Client({ connectionString: E2E_ADMIN_DATABASE_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();

const env = { ...process.env, ...e2eServerEnv };
for (const args of [["run", "--silent", "db:migrate"], ["run", "--silent", "db:seed"], ["run", "--silent", "build"]]) {
  const result = spawnSync("npm", args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(E2E_PORT)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

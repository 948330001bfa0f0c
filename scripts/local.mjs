// npm run local – the site on this machine with nothing else running: an embedded PostgreSQL (PGlite) in .data/,
// an in-process cache instead of Redis, and the simulated payment gateway. Builds, then serves on PORT (3000).
import { spawn } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { runSteps } from "./run-steps.mjs";

const port = process.env.PORT || "3000";
// Local defaults only: production refuses to start without real values for these.
const env = {
  NEXT_TELEMETRY_DISABLED: "1",
  PAYMENT_WEBHOOK_SECRET: "local-development-webhook-secret",
  RECONCILE_SECRET: "local-development-reconcile-secret",
  SITE_SECRET: "local-development-site-secret-not-for-production",
  SANDBOX_PAYMENTS_ENABLED: "true",
  // One process on the embedded database, chosen out loud: production refuses it otherwise.
  DEPLOYMENT_MODE: "single",
  APP_URL: `http://localhost:${port}`,
  ...process.env,
};

runSteps(
  [
    ["Apply database migrations", "npm", ["run", "--silent", "db:migrate"]],
    ["Add demo donations", "npm", ["run", "--silent", "db:seed"]],
    // `npx next build` skips npm's prebuild hook, and an editor previewing a text needs the check's clear list.
    ["Check the message catalogs", "npm", ["run", "--silent", "messages:check"]],
    ["Build the site", "npx", ["next", "build"]],
  ],
  env,
);

// Served the way a deployment serves it: the standalone server, with the static files beside it. It runs from its
// own folder, so the embedded database's folder is made absolute first.
cpSync(".next/static", ".next/standalone/.next/static", { recursive: true });
if (existsSync("public")) cpSync("public", ".next/standalone/public", { recursive: true });
console.log(`\n▶ Surge is starting on http://localhost:${port}`);
const server = spawn(process.execPath, [".next/standalone/server.js"], {
  stdio: "inherit",
  env: {
    ...env,
    PORT: port,
    // All interfaces, as `next start` does (a shell's own HOSTNAME variable is the machine's name, not an address).
    HOSTNAME: "0.0.0.0",
    PGLITE_DATA_DIR: path.resolve(env.PGLITE_DATA_DIR || ".data/pglite"),
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

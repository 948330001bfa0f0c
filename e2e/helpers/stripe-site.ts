import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { startStripeTestServer, type StripeTestServer } from "../../lib/testing/stripe-test-server";
import { createDatabase, dropDatabase } from "../../lib/testing/test-database";
import {
  E2E_ADMIN_DATABASE_URL,
  E2E_DATABASE_URL,
  E2E_STRIPE_API_PORT,
  E2E_STRIPE_PORT,
  e2eServerEnv,
} from "../config";

export interface StripeSite {
  url: string;
  stripe: StripeTestServer;
  stop(): Promise<void>;
}

async function waitUntilServing(url: string, server: ChildProcess, deadline = Date.now() + 60_000) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the Stripe e2e server exited with ${server.exitCode}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Stripe e2e server did not answer ${url}`);
}

/**
 * The build Playwright's web server made, started again with PAYMENT_PROVIDER=stripe on its own port and database,
 * in front of the Stripe stand-in (which posts its signed webhooks to this server). Killed by its own pid.
 */
export async function startStripeSite(): Promise<StripeSite> {
  const url = `http://127.0.0.1:${E2E_STRIPE_PORT}`;
  const database = `${new URL(E2E_DATABASE_URL).pathname.slice(1)}_stripe`;
  const databaseUrl = new URL(E2E_DATABASE_URL);
  databaseUrl.pathname = `/${database}`;
  const stripe = await startStripeTestServer({
    secretKey: e2eServerEnv.STRIPE_SECRET_KEY,
    webhookSecret: e2eServerEnv.STRIPE_WEBHOOK_SECRET,
    webhookUrl: `${url}/api/payments/callback/stripe`,
    port: E2E_STRIPE_API_PORT,
  });
  await createDatabase(E2E_ADMIN_DATABASE_URL, database);
  const env = {
    ...process.env,
    ...e2eServerEnv,
    DATABASE_URL: databaseUrl.toString(),
    APP_URL: url,
    PAYMENT_PROVIDER: "stripe",
  };
  const migrated = spawnSync("npm", ["run", "--silent", "db:migrate"], { env, stdio: "inherit" });
  if (migrated.status !== 0) throw new Error("migrating the Stripe e2e database failed");
  // Node itself runs Next's CLI, so the pid killed below is the server's own.
  const next = "node_modules/next/dist/bin/next";
  const server = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(E2E_STRIPE_PORT)], {
    env,
    stdio: "inherit",
  });
  await waitUntilServing(`${url}/api/health`, server);
  return {
    url,
    stripe,
    async stop() {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
      await stripe.close();
      await dropDatabase(E2E_ADMIN_DATABASE_URL, database);
    },
  };
}

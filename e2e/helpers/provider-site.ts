import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { startMollieTestServer, type MollieTestServer } from "../../lib/testing/mollie-test-server";
import { startStripeTestServer, type StripeTestServer } from "../../lib/testing/stripe-test-server";
import { createDatabase, dropDatabase } from "../../lib/testing/test-database";
import { E2E_ADMIN_DATABASE_URL, E2E_DATABASE_URL, E2E_PROVIDER_PORTS, e2eServerEnv } from "../config";

export interface ProviderSite<S> {
  url: string;
  standIn: S;
  stop(): Promise<void>;
}

async function waitUntilServing(url: string, server: ChildProcess, deadline = Date.now() + 60_000) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the e2e server exited with ${server.exitCode}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the e2e server did not answer ${url}`);
}

/**
 * The build Playwright's web server made, started again with PAYMENT_PROVIDER=<provider> on its own port and
 * database, in front of that provider's stand-in (which sends its webhooks to this server). Killed by its own pid.
 */
async function startSite<S extends { close(): Promise<void> }>(
  provider: keyof typeof E2E_PROVIDER_PORTS,
  startStandIn: (site: string, port: number) => Promise<S>,
): Promise<ProviderSite<S>> {
  const ports = E2E_PROVIDER_PORTS[provider];
  const url = `http://127.0.0.1:${ports.site}`;
  const database = `${new URL(E2E_DATABASE_URL).pathname.slice(1)}_${provider}`;
  const databaseUrl = new URL(E2E_DATABASE_URL);
  databaseUrl.pathname = `/${database}`;
  const standIn = await startStandIn(url, ports.api);
  await createDatabase(E2E_ADMIN_DATABASE_URL, database);
  const env = {
    ...process.env,
    ...e2eServerEnv,
    DATABASE_URL: databaseUrl.toString(),
    APP_URL: url,
    PAYMENT_PROVIDER: provider,
  };
  const migrated = spawnSync("npm", ["run", "--silent", "db:migrate"], { env, stdio: "inherit" });
  if (migrated.status !== 0) throw new Error(`migrating the ${provider} e2e database failed`);
  // Node itself runs Next's CLI, so the pid killed below is the server's own.
  const next = "node_modules/next/dist/bin/next";
  const server = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(ports.site)], {
    env,
    stdio: "inherit",
  });
  await waitUntilServing(`${url}/api/health`, server);
  return {
    url,
    standIn,
    async stop() {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
      await standIn.close();
      await dropDatabase(E2E_ADMIN_DATABASE_URL, database);
    },
  };
}

export const startStripeSite = (): Promise<ProviderSite<StripeTestServer>> =>
  startSite("stripe", (site, port) =>
    startStripeTestServer({
      secretKey: e2eServerEnv.STRIPE_SECRET_KEY,
      webhookSecret: e2eServerEnv.STRIPE_WEBHOOK_SECRET,
      webhookUrl: `${site}/api/payments/callback/stripe`,
      port,
    }),
  );

export const startMollieSite = (): Promise<ProviderSite<MollieTestServer>> =>
  startSite("mollie", (_site, port) => startMollieTestServer({ apiKey: e2eServerEnv.MOLLIE_API_KEY, port }));

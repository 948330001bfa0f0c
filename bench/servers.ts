import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchOptions } from "./options";
import { run, start, waitForHttp, type Started } from "./processes";

// The three servers compared: Surge's own production build, the bare Next.js app (bench/bare-next) and nginx
// serving Surge's prerendered /en bytes.

export const REPO = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(REPO, "node_modules/next/dist/bin/next");
export const WEBHOOK_SECRET = "bench-webhook-secret-not-for-production";

export interface Server {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** Surge's configuration for the benchmark: limits on, but far above what one load generator sends. */
export function surgeEnv(
  databaseUrl: string,
  port: number,
  options: Pick<BenchOptions, "profileDir">,
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    APP_URL: `http://127.0.0.1:${port}`,
    PAYMENT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    RECONCILE_SECRET: "bench-reconcile-secret-not-for-production",
    SANDBOX_PAYMENTS_ENABLED: "true",
    RATE_LIMIT_DONATIONS_PER_MINUTE: "100000",
    RATE_LIMIT_DONATIONS_PER_EMAIL_PER_HOUR: "100000",
    RATE_LIMIT_DONATIONS_PER_NETWORK_PER_MINUTE: "100000",
    RATE_LIMIT_DONATIONS_SITE_PER_MINUTE: "600000",
    RATE_LIMIT_RESULTS_PER_MINUTE: "100000",
    SITE_SECRET: "bench-site-secret-not-for-production-0123456789",
    GATEWAY_MAX_CHECKOUTS_PER_SECOND: "10000",
    UPSTASH_REDIS_REST_URL: "",
    UPSTASH_REDIS_REST_TOKEN: "",
    ...(options.profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${options.profileDir}` } : {}),
  };
}

export async function buildSurge(
  databaseUrl: string,
  options: Pick<BenchOptions, "profileDir" | "logDir"> & { ports: { surge: number } },
): Promise<void> {
  await run("node", [NEXT_BIN, "build"], {
    cwd: REPO,
    env: { ...surgeEnv(databaseUrl, options.ports.surge, options), NODE_OPTIONS: "" },
    logFile: path.join(options.logDir, "surge-build.log"),
  });
}

/** `extraEnv` adds to or overrides the benchmark's settings (the load test's Redis and campaign). */
export async function startSurge(
  databaseUrl: string,
  port: number,
  options: Pick<BenchOptions, "profileDir" | "logDir">,
  name = "surge",
  extraEnv: Record<string, string> = {},
) {
  const server = start("node", [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: REPO,
    env: { ...surgeEnv(databaseUrl, port, options), ...extraEnv },
    logFile: path.join(options.logDir, `${name}.log`),
  });
  return ready(server, `http://127.0.0.1:${port}`, "/api/health");
}

const BARE_DIR = path.join(REPO, "bench/bare-next");

/** Builds the bare app with a page padded to about `pageBytes` of HTML, like Surge's /en. */
export async function buildBare(pageBytes: number, options: BenchOptions): Promise<void> {
  // The text appears twice in the HTML: once rendered, once in the inline React payload.
  const textBytes = Math.max(1_000, Math.round((pageBytes - 6_100) / 2));
  await run("node", [NEXT_BIN, "build", BARE_DIR], {
    cwd: REPO,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      BARE_PAGE_TEXT_BYTES: String(textBytes),
    },
    logFile: path.join(options.logDir, "bare-build.log"),
  });
}

export async function startBare(options: BenchOptions) {
  const port = options.ports.bare;
  const server = start("node", [NEXT_BIN, "start", BARE_DIR, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: REPO,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    logFile: path.join(options.logDir, "bare.log"),
  });
  return ready(server, `http://127.0.0.1:${port}`, "/api/json");
}

/** nginx (Debian's nginx-light) serving the bytes Surge prerendered for /en: the ceiling of this machine. */
export async function startNginx(options: BenchOptions) {
  const dir = path.join(options.logDir, "nginx");
  const www = path.join(dir, "www");
  mkdirSync(www, { recursive: true });
  copyFileSync(path.join(REPO, ".next/server/app/en.html"), path.join(www, "en.html"));
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `# Written by npm run bench.
user root;
worker_processes auto;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")};
events { worker_connections 1024; }
http {
  access_log off;
  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  server {
    listen 127.0.0.1:${options.ports.nginx};
    root ${www};
    location = /en { default_type text/html; try_files /en.html =404; }
  }
}
`,
  );
  const server = start(
    "nginx",
    ["-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"],
    {
      logFile: path.join(options.logDir, "nginx.log"),
    },
  );
  return ready(server, `http://127.0.0.1:${options.ports.nginx}`, "/en");
}

async function ready(server: Started, url: string, probe: string): Promise<Server> {
  try {
    await waitForHttp(`${url}${probe}`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url, pid: server.process.pid!, stop: server.stop };
}

export function prerenderedBytes(page: string): number {
  return readFileSync(path.join(REPO, `.next/server/app/${page}.html`)).length;
}

import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Starts Debian's nginx (nginx-light) with surge.conf.template in front of running Surge instances: the edge that
// `npm run edge` runs locally and deploy/nginx/edge.test.ts checks. Everything nginx writes (its configuration,
// pid, logs, cache and temporary files) lives in `dir`, so it needs no root-owned folders and leaves nothing behind.

const TEMPLATE = path.join(import.meta.dirname, "surge.conf.template");
const NGINX = process.env.NGINX_BIN || "/usr/sbin/nginx";

export interface EdgeOptions {
  /** Port the edge listens on (127.0.0.1). */
  port: number;
  /** The instances behind it, as host:port. */
  upstreams: string[];
  /** Addresses the per-address limits skip: a benchmark's load generator, which is one address. */
  unlimited?: string[];
  /** A folder of the edge's own. */
  dir: string;
}

export interface Edge {
  url: string;
  /** nginx's master process (its workers do the serving). */
  pid: number;
  stop: () => Promise<void>;
}

/** The template with its placeholders filled: what a deployment writes with envsubst or sed. */
export function renderEdgeConfig({ port, upstreams, dir, unlimited = [] }: EdgeOptions): string {
  const values: Record<string, string> = {
    UNLIMITED: unlimited.map((address) => `${address} 0;`).join("\n    "),
    LISTEN: `127.0.0.1:${port}`,
    UPSTREAMS: upstreams.map((upstream) => `server ${upstream} max_fails=1 fail_timeout=2s;`).join("\n    "),
    CACHE_DIR: path.join(dir, "cache"),
    TEMP_DIR: path.join(dir, "temp"),
  };
  // The header comments name the placeholders too: they are left as they are.
  return readFileSync(TEMPLATE, "utf8")
    .split("\n")
    .map((line) =>
      line.trimStart().startsWith("#")
        ? line
        : line.replace(/\$\{(\w+)\}/g, (placeholder, name: string) => {
            if (!(name in values)) throw new Error(`surge.conf.template: no value for ${placeholder}`);
            return values[name];
          }),
    )
    .join("\n");
}

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const { dir, port } = options;
  for (const folder of ["cache", "temp", "temp/proxy", "temp/body", "logs"]) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    // nginx's workers drop privileges: they must be able to enter and write the folders the master created.
    chmodSync(path.join(dir, folder), 0o777);
  }
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, "surge.conf"), renderEdgeConfig(options));
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, "temp", name)};`;
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `# Written by deploy/nginx/edge.ts around the rendered surge.conf.
worker_processes auto;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "logs/error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  # Cached pages are files: handed to the socket by the kernel, not copied through nginx.
  sendfile on;
  tcp_nopush on;
  ${["fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  include ${path.join(dir, "surge.conf")};
}
`,
  );
  const nginx = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => nginx.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (nginx.exitCode !== null)
      throw new Error(`nginx exited (${nginx.exitCode}); see ${dir}/logs/error.log`);
    try {
      await fetch(`${url}/api/health`).then((response) => response.arrayBuffer());
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not listen on ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    pid: nginx.pid!,
    stop: async () => {
      if (nginx.exitCode !== null) return;
      nginx.kill("SIGQUIT");
      const timer = setTimeout(() => nginx.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

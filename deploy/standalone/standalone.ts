import { cpSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { start, waitForHttp } from "@/bench/processes";

// The one folder a deployment copies: `next build` writes .next/standalone (a server.js with the node_modules it
// needs); the static files and public/ go beside it, as the Next.js self-hosting guide says, because a CDN usually
// serves them. `node server.js` then runs it, reading PORT and HOSTNAME.

export const REPO = path.resolve(import.meta.dirname, "../..");

/** Copies the current build's standalone output, static files and public/ into `target`; returns it. */
export function copyStandalone(target: string): string {
  const built = path.join(REPO, ".next/standalone");
  if (!existsSync(path.join(built, "server.js"))) {
    throw new Error(`No standalone build at ${built}: run npm run build first`);
  }
  mkdirSync(target, { recursive: true });
  cpSync(built, target, { recursive: true });
  cpSync(path.join(REPO, ".next/static"), path.join(target, ".next/static"), { recursive: true });
  const publicDir = path.join(REPO, "public");
  if (existsSync(publicDir)) cpSync(publicDir, path.join(target, "public"), { recursive: true });
  return target;
}

export interface Instance {
  url: string;
  stop: () => Promise<void>;
}

/** Runs `node server.js` of a copied standalone folder on 127.0.0.1:`port` and waits until it answers. */
export async function startStandalone(
  dir: string,
  port: number,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<Instance> {
  const server = start(process.execPath, ["server.js"], {
    cwd: dir,
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/api/health`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url, stop: server.stop };
}

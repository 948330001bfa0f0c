// npm run edge [-- --port 3080] – nginx in front of two instances of the current production build (run
// `npm run build` first), on one PostgreSQL database and the machine's Redis: what several instances behind the
// edge do, on one machine. Stops everything on Ctrl-C. Needs Debian's nginx-light (or NGINX_BIN).
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startLocalStack } from "@/deploy/nginx/local-stack";

const { values } = parseArgs({ options: { port: { type: "string", default: "3080" } } });
const repo = path.resolve(import.meta.dirname, "..");
if (!existsSync(path.join(repo, ".next/BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (with DATABASE_URL set).");
  process.exit(1);
}
const stack = await startLocalStack({ portBase: Number(values.port), dir: path.join(repo, ".edge") });
console.log(`Surge behind nginx at ${stack.edge.url}`);
console.log(`  instances: ${stack.instances.map((instance) => instance.url).join(", ")}`);
console.log(`  database:  ${stack.databaseUrl}; logs in .edge/`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await stack.stop();
    process.exit(0);
  });
}

// `prisma generate` without network: Prisma would otherwise try to download its schema engine, which generate
// does not need. Runs after `npm install`.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/dev/null", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);

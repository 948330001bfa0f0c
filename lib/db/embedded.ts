import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";

// The embedded default: a real PostgreSQL compiled to WebAssembly, running in this process, its data in a folder.
// One process at a time may open a folder, which is why `next build` renders with a single worker without
// DATABASE_URL (see next.config.ts).
export function openEmbeddedPglite(dataDir: string): PGlite {
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir);
}

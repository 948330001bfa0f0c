import path from "node:path";
import { defineConfig } from "vitest/config";

// Apart from the root vitest.config.ts, whose projects never include e2e/: this test needs a running Surge
// (SUITE_TARGET_URL) and Chromium, so only `npm run test:e2e:self` runs it (scripts/test-all.sh, after the BASE_URL run).
export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  test: {
    include: ["e2e/self-test/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
  },
});

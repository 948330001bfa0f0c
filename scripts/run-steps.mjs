// Runs commands one after another with inherited output; stops at the first failure with its exit code.
import { spawnSync } from "node:child_process";

export function runSteps(steps, env = process.env) {
  for (const [label, command, args] of steps) {
    console.log(`\n▶ ${label}`);
    const result = spawnSync(command, args, { stdio: "inherit", env });
    if (result.status !== 0) {
      console.error(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
      process.exit(result.status ?? 1);
    }
  }
}

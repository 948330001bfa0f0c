import { logger } from "./logger";

export type ReadinessCheck = () => Promise<unknown>;
export type Readiness = { ready: boolean; checks: Record<string, "ok" | "failed"> };

// A dependency that hangs is as unready as one that refuses; a load balancer's probe must get its answer quickly.
const CHECK_TIMEOUT_MS = 2000;

function withinDeadline(check: ReadinessCheck): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check(), deadline]).finally(() => clearTimeout(timer));
}

/** Runs every check at once. What failed is named in the answer; why is only logged, not shown to the caller. */
export async function checkReadiness(checks: Record<string, ReadinessCheck>): Promise<Readiness> {
  const names = Object.keys(checks);
  const outcomes = await Promise.allSettled(names.map((name) => withinDeadline(checks[name])));
  const results: Readiness["checks"] = {};
  outcomes.forEach((outcome, index) => {
    results[names[index]] = outcome.status === "fulfilled" ? "ok" : "failed";
    if (outcome.status === "rejected")
      logger.warn("readiness.check_failed", { check: names[index], error: outcome.reason });
  });
  return { ready: Object.values(results).every((result) => result === "ok"), checks: results };
}

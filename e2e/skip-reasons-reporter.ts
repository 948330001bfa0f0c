// The list reporter shows a skipped test as a dash; against a deployment, QA needs to see why. This prints each
// distinct skip reason once at the end, with how many tests it skipped.
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

export default class SkipReasonsReporter implements Reporter {
  private readonly counts = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== "skipped") return;
    const reason = result.annotations.find((annotation) => annotation.type === "skip")?.description;
    if (reason) this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }

  onEnd() {
    for (const [reason, count] of this.counts) console.log(`  skipped ${count}: ${reason}`);
  }

  printsToStdio() {
    return false;
  }
}

import type { Section } from "../context";
import { peakRssMb, rssMb, sleep } from "../processes";

// Resident memory of both `next start` processes once everything above has run against them, after a few idle
// seconds so that neither is caught in the middle of a garbage collection.
export const memory: Section = {
  name: "memory",
  async run(context) {
    await sleep(5_000);
    const surge = rssMb(context.surge.pid);
    const bare = rssMb(context.bare.pid);
    const peaks = `peaks ${peakRssMb(context.surge.pid)} / ${peakRssMb(context.bare.pid)} MB`;
    context.log(`RSS: Surge ${surge} MB, bare ${bare} MB (${peaks})`);
    return [
      {
        what: "`next start` resident memory after the run",
        target: "≤ 1.25 × bare app",
        measured: `Surge ${surge} MB, bare ${bare} MB (${peaks})`,
        ratio: `${(surge / bare).toFixed(2)} ×`,
        met: surge <= 1.25 * bare,
      },
    ];
  },
};
